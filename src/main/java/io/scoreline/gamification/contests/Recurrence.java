package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How often a contest series runs (ADR 0045): period {@code n} starts {@code n} weeks or calendar
 * months after the series' first day and ends the day before the next one starts. Periods are whole
 * local days, so a DST change inside one moves nothing.
 */
public enum Recurrence {
    WEEK("week"),
    MONTH("month");

    private final String key;

    Recurrence(String key) {
        this.key = key;
    }

    /** The value of {@code contest_series.every} and of {@code --every}. */
    public String key() {
        return key;
    }

    /** The first day of period {@code n} of a series whose first period starts on {@code anchor}. */
    public LocalDate start(LocalDate anchor, long n) {
        return switch (this) {
            case WEEK -> anchor.plusWeeks(n);
            case MONTH -> anchor.plusMonths(n);
        };
    }

    /** The last day of period {@code n}. */
    public LocalDate end(LocalDate anchor, long n) {
        return start(anchor, n + 1).minusDays(1);
    }

    /** The period {@code date} falls in (negative before the series starts). */
    public long periodOf(LocalDate anchor, LocalDate date) {
        long n = switch (this) {
            case WEEK -> Math.floorDiv(date.toEpochDay() - anchor.toEpochDay(), 7);
            case MONTH -> (date.getYear() - anchor.getYear()) * 12L + date.getMonthValue() - anchor.getMonthValue();
        };
        // A month period that starts on the 31st starts on the 30th (or the 28th) in shorter months:
        // step back while the date is before the computed start.
        while (date.isBefore(start(anchor, n))) {
            n--;
        }
        while (!date.isBefore(start(anchor, n + 1))) {
            n++;
        }
        return n;
    }

    public static Recurrence fromKey(String key) {
        for (var every : values()) {
            if (every.key.equals(key)) {
                return every;
            }
        }
        throw new IllegalArgumentException("unknown recurrence '" + key + "'");
    }

    /** {@code --every} as the caller spelled it. */
    public static Recurrence parse(String value, String field) {
        var text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "week", "weekly" -> WEEK;
            case "month", "monthly" -> MONTH;
            default -> throw ScorelineException.badInput(field + " must be week or month, got '" + value + "'");
        };
    }
}
