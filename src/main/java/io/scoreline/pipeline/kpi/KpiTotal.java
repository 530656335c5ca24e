package io.scoreline.pipeline.kpi;

import io.scoreline.mappings.measures.KpiUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's KPI total over a window, or on one day when {@code date} is present. A derived KPI
 * below its minimum (ADR 0042) has no value: {@code value} is {@code null} and {@code undefined}
 * says why. {@code factCount} is 0 for snapshots and derived KPIs: a formula has no facts of its own.
 */
public record KpiTotal(
        String profileEmail,
        String kpiKey,
        Optional<LocalDate> date,
        BigDecimal value,
        long factCount,
        KpiUnit unit,
        Optional<String> undefined) {

    public KpiTotal {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(undefined, "undefined");
        if ((value == null) == undefined.isEmpty()) {
            throw new IllegalArgumentException("a total has a value or a reason it has none, not both");
        }
    }

    /** A stored KPI's total, counted in its default unit. */
    public KpiTotal(String profileEmail, String kpiKey, Optional<LocalDate> date, BigDecimal value, long factCount) {
        this(profileEmail, kpiKey, date, value, factCount, KpiUnit.COUNT, Optional.empty());
    }
}
