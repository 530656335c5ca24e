package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Optional;

/**
 * The {@code ?limit=&after=} of a list endpoint, checked: a limit from 1 to {@link #MAX_LIMIT}
 * ({@link #DEFAULT_LIMIT} when absent) and the cursor of the previous page, if any.
 */
public record PageQuery(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageQuery of(@Nullable String limit, @Nullable String after) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (parsed < 1 || parsed > MAX_LIMIT) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "invalid_input",
                        "limit must be a whole number from 1 to " + MAX_LIMIT,
                        "limit");
            }
        }
        return new PageQuery(parsed, Optional.ofNullable(after).filter(a -> !a.isBlank()));
    }
}
