package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;

/**
 * A request the API refuses for what it is (malformed JSON, a wrong field, too large), with the
 * status and the field to name. Thrown while parsing; {@link ApiErrors} answers it.
 */
public final class ApiProblem extends ScorelineException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String field;

    public ApiProblem(HttpStatus status, String code, String message, @Nullable String field) {
        super(FailureKind.BAD_INPUT, message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }
}
