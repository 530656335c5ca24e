package io.scoreline.app.http.api;

import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pages of a short list computed whole (totals per person or team: one row per person or team and
 * KPI), cut at {@code ?limit=}; the cursor is the position of the next row, opaque to callers.
 */
final class ListPages {

    private static final String PREFIX = "at:";

    private ListPages() {}

    record Slice<T>(List<T> items, Optional<String> next) {}

    static <T> Slice<T> slice(List<T> all, PageQuery page) {
        int start = page.after().map(ListPages::position).orElse(0);
        int end = (int) Math.min((long) start + page.limit(), all.size());
        var items = start >= all.size() ? List.<T>of() : all.subList(start, end);
        var next = end < all.size() ? Optional.of(cursor(end)) : Optional.<String>empty();
        return new Slice<>(items, next);
    }

    private static String cursor(int position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static int position(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                int position = Integer.parseInt(text.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below, like any other string that is not one of our cursors
        }
        throw new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "invalid_input",
                "after is not a cursor of this list; pass the next of the previous page",
                "after");
    }
}
