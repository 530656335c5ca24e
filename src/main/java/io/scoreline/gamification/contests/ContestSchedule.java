package io.scoreline.gamification.contests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a contest changes status: its window is whole days in the organization's time zone, so it
 * goes live at the first day's local midnight, turns provisional at the local midnight after its
 * last day and becomes final once the grace period after that has passed.
 */
public record ContestSchedule(LocalDate startsOn, LocalDate endsOn, Duration grace, ZoneId zone) {

    public Instant liveAt() {
        return startsOn.atStartOfDay(zone).toInstant();
    }

    public Instant endsAt() {
        return endsOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Instant finalAt() {
        return endsAt().plus(grace);
    }

    /** The status the contest should have at {@code now}. */
    public ContestStatus statusAt(Instant now) {
        if (now.isBefore(liveAt())) {
            return ContestStatus.SCHEDULED;
        }
        if (now.isBefore(endsAt())) {
            return ContestStatus.LIVE;
        }
        return now.isBefore(finalAt()) ? ContestStatus.PROVISIONAL : ContestStatus.FINAL;
    }
}
