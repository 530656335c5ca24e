package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list: its items and, when more follow, the cursor to pass as {@code ?after=} for
 * the next page (null on the last page). Cursors are opaque to callers. Both are always written:
 * the serializer leaves out empty and null values unless told otherwise, and a client reads
 * {@code "items":[]} and {@code "next":null} rather than their absence.
 */
@Serdeable
public record ApiPage<T>(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String next) {

    public ApiPage {
        items = List.copyOf(items);
    }
}
