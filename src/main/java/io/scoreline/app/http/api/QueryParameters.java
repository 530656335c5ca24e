package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Locale;
import java.util.Optional;

/** Query parameters read the way bodies are: a value that does not parse is a 422 naming the parameter. */
final class QueryParameters {

    private QueryParameters() {}

    /** A positive id, or empty when absent. */
    static Optional<Long> id(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // Refused below, as a negative id is.
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a positive whole number", name);
    }

    /** {@code true} or {@code false}, or {@code absent} when the parameter is not given. */
    static boolean bool(String name, @Nullable String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be true or false", name);
        };
    }
}
