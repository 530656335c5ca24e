package io.scoreline.pipeline.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A person's KPI total over a window, or on one day when {@code date} is present. */
public record KpiTotal(
        String profileEmail, String kpiKey, Optional<LocalDate> date, BigDecimal value, long factCount) {}
