package io.scoreline.pipeline.kpi;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A query of KPI values: optionally one KPI, one person (profile id) or one team (team id, with its
 * sub-teams), over a window (see {@link KpiWindow#of}), grouped, one page of {@code limit} rows
 * after the cursor of the previous page.
 */
public record KpiValueQuery(
        Optional<String> kpi,
        Optional<Long> profileId,
        Optional<Long> teamId,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        KpiGrouping group,
        Optional<String> after,
        int limit) {}
