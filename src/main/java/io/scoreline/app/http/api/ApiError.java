package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The one error body of the API: {@code {"error":{"code":"…","message":"…","field":"…"}}}. */
@Serdeable
public record ApiError(Detail error) implements ApiErrorBody {

    /**
     * @param code    stable and machine-readable, e.g. {@code invalid_input}
     * @param message one line for a person
     * @param field   the request field at fault, when one is
     */
    @Serdeable
    public record Detail(
            String code, String message, @Nullable String field) {}

    public static ApiError of(String code, String message, @Nullable String field) {
        return new ApiError(new Detail(code, message, field));
    }
}
