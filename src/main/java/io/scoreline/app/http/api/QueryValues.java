package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Locale;

/** Query parameters read strictly, like body fields: a value of the wrong shape is a 422 naming the parameter. */
final class QueryValues {

    private QueryValues() {}

    /** A positive id, or null when the parameter is absent. */
    static @Nullable Long id(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the parameter
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a positive whole number", name);
    }

    /** {@code true} or {@code false}, or null when the parameter is absent. */
    static @Nullable Boolean bool(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be true or false", name);
        };
    }
}
