package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list: its items and, when more follow, the cursor to pass as {@code ?after=} for
 * the next page (null on the last page). Cursors are opaque to callers.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiPage<T>(List<T> items, @Nullable String next) {

    public ApiPage {
        items = List.copyOf(items);
    }
}
