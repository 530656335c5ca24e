package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.KpiUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A contest as stored: one KPI over whole days in the organization's time zone, for people or teams.
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
        Optional<Instant> finalizedAt) {

    public ContestSchedule schedule(ZoneId zone) {
        return new ContestSchedule(startsOn, endsOn, grace, zone);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
