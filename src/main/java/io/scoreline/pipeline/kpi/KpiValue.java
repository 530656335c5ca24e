package io.scoreline.pipeline.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's KPI total over one group of days: {@code period} is the group's first day (the day,
 * the week's first day, the month's first day), empty when the group is the whole window. A week
 * or month cut by the window holds only the window's days.
 */
public record KpiValue(
        long profileId,
        String profileEmail,
        String kpiKey,
        Optional<LocalDate> period,
        BigDecimal value,
        long factCount) {}
