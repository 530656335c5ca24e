package io.scoreline.sim.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the generated history depends on: the same spec always yields the same records.
 *
 * @param lastDay the last day of history (inclusive) in {@code zone}
 */
public record DatasetSpec(long seed, int reps, int days, LocalDate lastDay, ZoneId zone) {

    public DatasetSpec {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1, was " + reps);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        Objects.requireNonNull(lastDay);
        Objects.requireNonNull(zone);
    }

    public LocalDate firstDay() {
        return lastDay.minusDays(days - 1L);
    }

    /** Start of the first day of history. */
    public Instant historyStart() {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** End of history (exclusive): nothing generated happens at or after it. */
    public Instant historyEnd() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
