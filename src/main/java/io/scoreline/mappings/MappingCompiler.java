package io.scoreline.mappings;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.check.ProblemSink;
import io.scoreline.mappings.check.RuleDocumentChecker;
import io.scoreline.mappings.yaml.YamlParser;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles rule documents (DESIGN §6) into {@link RuleSet}s. Bad input of any kind, however
 * large or deeply nested, ends in {@link CompileResult.Rejected} with positioned problems,
 * never in an exception.
 */
public final class MappingCompiler {

    /** Larger documents are rejected before parsing; the stock templates are about 5 KB. */
    public static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    private MappingCompiler() {}

    /** Compiles against one catalog; a {@code provider:} in the document must name the catalog's provider. */
    public static CompileResult compile(String documentText, FieldCatalog catalog) {
        documentText = withoutByteOrderMark(documentText);
        if (documentText.length() > MAX_DOCUMENT_CHARS) {
            return rejected(Problem.error(1, 1, "document larger than " + MAX_DOCUMENT_CHARS + " characters"));
        }
        try {
            var parsed = YamlParser.parse(documentText);
            if (parsed.hasErrors()) {
                return new CompileResult.Rejected(parsed.problems());
            }
            if (parsed.root().isEmpty()) {
                return rejected(Problem.error(1, 1, "empty document: expected 'provider:' and 'kpis:'"));
            }
            var problems = new ProblemSink();
            var checked = new RuleDocumentChecker(catalog, problems)
                    .check(parsed.root().get());
            if (problems.errorCount() > 0) {
                var all = new ArrayList<>(problems.errors());
                all.addAll(problems.warnings());
                return new CompileResult.Rejected(all);
            }
            return new CompileResult.Compiled(
                    RuleSet.of(catalog.provider(), checked.rules(), checked.derived()), problems.warnings());
        } catch (StackOverflowError e) {
            // The depth limits stop realistic input long before this; this is the backstop for the rest.
            return rejected(Problem.error(1, 1, "document nested too deeply to read"));
        }
    }

    /**
     * Compiles with the catalog of the document's provider, as {@code mapping validate FILE
     * [--provider P]} does: the provider comes from {@code expected} or from the document's
     * {@code provider:} line, and the two must agree when both are given.
     */
    public static CompileResult compile(
            String documentText, Optional<CrmProvider> expected, Function<CrmProvider, FieldCatalog> catalogs) {
        if (documentText.length() > MAX_DOCUMENT_CHARS) {
            return compile(documentText, FieldCatalog.empty(expected.orElse(CrmProvider.SALESFORCE)));
        }
        var declared = declaredProvider(withoutByteOrderMark(documentText));
        return switch (declared) {
            case DeclaredProvider.Unreadable unreadable ->
                compile(documentText, FieldCatalog.empty(expected.orElse(CrmProvider.SALESFORCE)));
            case DeclaredProvider.Invalid invalid -> rejected(invalid.problem());
            case DeclaredProvider.Known known
            when expected.isPresent() && expected.get() != known.provider() ->
                rejected(Problem.error(
                        known.line(),
                        known.column(),
                        "document is for " + known.provider().key() + " but --provider is "
                                + expected.get().key()));
            case DeclaredProvider.Known known -> compile(documentText, catalogs.apply(known.provider()));
            case DeclaredProvider.Missing missing
            when expected.isPresent() -> compile(documentText, catalogs.apply(expected.get()));
            case DeclaredProvider.Missing missing ->
                rejected(Problem.error(
                        1, 1, "missing 'provider: salesforce|hubspot' (or pass the provider explicitly)"));
        };
    }

    private static DeclaredProvider declaredProvider(String documentText) {
        var parsed = YamlParser.parse(documentText);
        if (parsed.hasErrors() || parsed.root().isEmpty()) {
            return new DeclaredProvider.Unreadable();
        }
        var entry = parsed.root().flatMap(root -> root.entry("provider"));
        if (entry.isEmpty()) {
            return new DeclaredProvider.Missing();
        }
        if (!(entry.get().value() instanceof YamlScalar value)) {
            var key = entry.get().key();
            return new DeclaredProvider.Invalid(
                    Problem.error(key.line(), key.column(), "'provider' must be salesforce or hubspot"));
        }
        try {
            return new DeclaredProvider.Known(CrmProvider.fromKey(value.value()), value.line(), value.column());
        } catch (ScorelineException e) {
            return new DeclaredProvider.Invalid(Problem.error(value.line(), value.column(), e.getMessage()));
        }
    }

    /** Editors on Windows may save one; it is invisible, so columns are counted without it. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CompileResult rejected(Problem problem) {
        return new CompileResult.Rejected(List.of(problem));
    }

    /** What the document says about its provider, before it is checked. */
    private sealed interface DeclaredProvider {
        record Known(CrmProvider provider, int line, int column) implements DeclaredProvider {}

        record Missing() implements DeclaredProvider {}

        record Invalid(Problem problem) implements DeclaredProvider {}

        record Unreadable() implements DeclaredProvider {}
    }
}
