package io.scoreline.gamification.badges;

import java.time.LocalDate;

/**
 * One calendar period in an organization's calendar: its key ({@code day:2026-03-29},
 * {@code week:2026-W13}, {@code month:2026-03}, {@code quarter:2026-Q1}, {@code year:2026}, {@code all})
 * and its first and last local day, both inclusive.
 */
public record Period(PeriodUnit unit, String key, LocalDate from, LocalDate to) {

    /** All time: from the first day anything can be recorded to the last. */
    public static final Period ALL_TIME =
            new Period(PeriodUnit.ALL, "all", LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
