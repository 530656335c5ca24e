package io.scoreline.pipeline.tenancy;

import io.scoreline.failure.ScorelineException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A day as an operator writes it ({@code YYYY-MM-DD}), within the years Scoreline works with.
 * {@link LocalDate} accepts years up to ±999,999,999, which later overflow instant arithmetic or
 * reach a CRM as an unbounded query; no CRM record is older than 2000 and no window reaches 2100.
 */
public final class DayInput {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    // STRICT: 2026-02-30 is refused, not moved to the 28th; the range check below catches signed years.
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private DayInput() {}

    /** @param option the option the value came from, named in the message if it is rejected */
    public static LocalDate parse(String value, String option) {
        LocalDate day;
        try {
            day = LocalDate.parse(value == null ? "" : value.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw ScorelineException.badInput(option + " must be a date as YYYY-MM-DD, got '" + value + "'");
        }
        return requireSupported(day, option);
    }

    /** The day itself, if it lies from {@link #EARLIEST} to {@link #LATEST}; a bad-input failure naming {@code option} otherwise. */
    public static LocalDate requireSupported(LocalDate day, String option) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw ScorelineException.badInput(
                    option + " must be a day from " + EARLIEST + " to " + LATEST + ", got " + day);
        }
        return day;
    }
}
