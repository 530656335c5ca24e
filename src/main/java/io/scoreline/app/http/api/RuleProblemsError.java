package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The error body of a rule document that cannot be used: the one error format plus every problem
 * with its line and column, {@code {"error":{…},"problems":[{"line","column","severity","message"}]}}.
 */
@Serdeable
public record RuleProblemsError(ApiError.Detail error, List<RuleProblemBody> problems) implements ApiErrorBody {

    public RuleProblemsError {
        problems = List.copyOf(problems);
    }
}
