package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** A contest as stored: one KPI over whole days in the organization's time zone, for people or teams. */
public record Contest(
        long id,
        long organizationId,
        String name,
        String kpiKey,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean teams,
        Optional<BigDecimal> target,
        Duration grace,
        ContestStatus status,
        Instant createdAt,
        Optional<Instant> finalizedAt,
        ContestRanking rankBy) {

    /** A contest ranked by the KPI's value. */
    public Contest(
            long id,
            long organizationId,
            String name,
            String kpiKey,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean teams,
            Optional<BigDecimal> target,
            Duration grace,
            ContestStatus status,
            Instant createdAt,
            Optional<Instant> finalizedAt) {
        this(
                id,
                organizationId,
                name,
                kpiKey,
                startsOn,
                endsOn,
                teams,
                target,
                grace,
                status,
                createdAt,
                finalizedAt,
                ContestRanking.VALUE);
    }

    public ContestSchedule schedule(ZoneId zone) {
        return new ContestSchedule(startsOn, endsOn, grace, zone);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
