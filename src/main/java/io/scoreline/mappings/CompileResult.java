package io.scoreline.mappings;

import java.util.List;

/** The outcome of compiling a rule document. */
public sealed interface CompileResult {

    /** Every error and warning, in document order. */
    List<Problem> problems();

    /** The document compiled; it may still carry warnings. */
    record Compiled(RuleSet ruleSet, List<Problem> warnings) implements CompileResult {
        public Compiled {
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<Problem> problems() {
            return warnings;
        }
    }

    /** The document has at least one error; nothing may be stored or evaluated. */
    record Rejected(List<Problem> problems) implements CompileResult {
        public Rejected {
            problems = problems.stream().sorted(Problem.IN_DOCUMENT_ORDER).toList();
        }

        public List<Problem> errors() {
            return problems.stream()
                    .filter(p -> p.severity() == Problem.Severity.ERROR)
                    .toList();
        }

        public List<Problem> warnings() {
            return problems.stream()
                    .filter(p -> p.severity() == Problem.Severity.WARNING)
                    .toList();
        }
    }
}
