package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.goals.GoalPeriod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A contest as stored: one KPI over whole days in the organization's time zone, for people or teams;
 * decided by its {@code format}, silent while {@code hidden}, one period of a series when it has a
 * {@code seriesId} (ADR 0045); ranked by {@code rankBy}, with the {@code goalPeriod} a percent of goal is
 * measured against (present exactly when ranked by percent of goal, ADR 0046).
 * {@code unit} is the KPI's unit when the contest was created (percent for a connect rate, …).
 */
public record Contest(
        long id,
        long organizationId,
        String name,
        String kpiKey,
        KpiUnit unit,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean teams,
        Optional<BigDecimal> target,
        Duration grace,
        ContestStatus status,
        Instant createdAt,
        Optional<Instant> finalizedAt,
        ContestFormat format,
        boolean hidden,
        Optional<Long> seriesId,
        RankBy rankBy,
        Optional<GoalPeriod> goalPeriod) {

    public ContestSchedule schedule(ZoneId zone) {
        return new ContestSchedule(startsOn, endsOn, grace, zone);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
