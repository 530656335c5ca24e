package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.mappings.Problem;
import java.util.List;
import java.util.Locale;

/**
 * One problem of a rule document: the fields of a {@code mapping validate --json} line without
 * {@code file} (the document is the request's); {@code severity} is {@code error} or {@code warning}.
 */
@Serdeable
public record RuleProblemBody(int line, int column, String severity, String message) {

    /** In document order, as the CLI prints them. */
    static List<RuleProblemBody> of(List<Problem> problems) {
        return problems.stream()
                .sorted(Problem.IN_DOCUMENT_ORDER)
                .map(p -> new RuleProblemBody(
                        p.line(), p.column(), p.severity().name().toLowerCase(Locale.ROOT), p.message()))
                .toList();
    }
}
