package io.scoreline.pipeline.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days a KPI query covers, both inclusive, in the organization's time zone. At most
 * {@link #MAX_DAYS} days: a year and a leap day, enough for any year-over-year view, and a bound on
 * what one request may make the database add up.
 */
public record KpiWindow(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    public KpiWindow {
        if (to.isBefore(from)) {
            throw new KpiInputRefused("to", "to " + to + " is before from " + from);
        }
        if (days(from, to) > MAX_DAYS) {
            throw new KpiInputRefused(
                    "to", "the window from " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
        }
    }

    /**
     * The window asked for, with the gaps filled: without {@code to}, up to {@code today}; without
     * {@code from}, the {@link #DEFAULT_DAYS} days ending on {@code to}.
     */
    public static KpiWindow of(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        var last = to.orElse(today);
        var first = from.orElse(last.minusDays(DEFAULT_DAYS - 1L));
        return new KpiWindow(first, last);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
