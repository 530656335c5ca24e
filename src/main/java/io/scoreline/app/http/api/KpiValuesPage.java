package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of {@code /kpi-values} or of its totals: the page ({@code items}, {@code next}, as
 * {@link ApiPage}) with the window it covers and its grouping, so a caller that left the window
 * out learns which days "the last 30" were.
 */
@Serdeable
public record KpiValuesPage<T>(
        LocalDate from,
        LocalDate to,
        String group,
        List<T> items,
        @Nullable String next) {

    public KpiValuesPage {
        items = List.copyOf(items);
    }
}
