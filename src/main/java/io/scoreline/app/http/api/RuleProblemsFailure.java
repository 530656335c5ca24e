package io.scoreline.app.http.api;

import io.micronaut.http.HttpStatus;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.Problem;
import java.util.List;

/**
 * A rule document refused for its problems: answered by {@link RuleProblemsResponses} as a
 * {@link RuleProblemsError} listing every one, so the caller fixes them all in one round.
 */
public final class RuleProblemsFailure extends ScorelineException {

    private final HttpStatus status;
    private final String code;
    private final List<Problem> problems;

    RuleProblemsFailure(HttpStatus status, String code, String message, List<Problem> problems) {
        super(FailureKind.BAD_INPUT, message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** The document has errors (422, field {@code document}). */
    static RuleProblemsFailure invalidDocument(List<Problem> problems) {
        long errors = problems.stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .count();
        return new RuleProblemsFailure(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "invalid_rules",
                "the document has " + errors + " error" + (errors == 1 ? "" : "s") + "; nothing was stored",
                problems);
    }

    RuleProblemsError body() {
        var field = status == HttpStatus.UNPROCESSABLE_ENTITY ? "document" : null;
        return new RuleProblemsError(new ApiError.Detail(code, getMessage(), field), RuleProblemBody.of(problems));
    }

    HttpStatus status() {
        return status;
    }

    /** A stored version that no longer compiles against the catalog cannot be activated (409). */
    static RuleProblemsFailure noLongerCompiles(int version, List<Problem> problems) {
        return new RuleProblemsFailure(
                HttpStatus.CONFLICT,
                "rules_no_longer_compile",
                "version " + version + " no longer compiles against the field catalog; nothing was changed",
                problems);
    }
}
