package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of {@code /kpi-values} or of its totals: the page ({@code items}, {@code next}, as
 * {@link ApiPage}) with the window it covers and its grouping, so a caller that left the window
 * out learns which days "the last 30" were. {@code next} is written even when null.
 */
@Serdeable
public record KpiValuesPage<T>(
        LocalDate from,
        LocalDate to,
        String group,
        List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String next) {

    public KpiValuesPage {
        items = List.copyOf(items);
    }
}
