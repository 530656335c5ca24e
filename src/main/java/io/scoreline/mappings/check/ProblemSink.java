package io.scoreline.mappings.check;

import io.scoreline.mappings.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one compilation; errors and warnings are kept apart. */
public final class ProblemSink {

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void add(Problem problem) {
        (problem.severity() == Problem.Severity.ERROR ? errors : warnings).add(problem);
    }

    public void error(int line, int column, String message) {
        add(Problem.error(line, column, message));
    }

    public void warning(int line, int column, String message) {
        add(Problem.warning(line, column, message));
    }

    public int errorCount() {
        return errors.size();
    }

    public List<Problem> errors() {
        return errors.stream().sorted(Problem.IN_DOCUMENT_ORDER).toList();
    }

    public List<Problem> warnings() {
        return warnings.stream().sorted(Problem.IN_DOCUMENT_ORDER).toList();
    }
}
