package io.scoreline.pipeline.goals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.Objects;

/**
 * One goal period in an organization's calendar, local days inclusive. Keys read like the badge
 * periods ({@code week:2026-W13}, {@code month:2026-03}, {@code quarter:2026-Q1}); weeks start on the
 * organization's week start and are numbered with ISO's rule (the first week holds four days of the
 * new year).
 */
public record GoalPeriod(GoalPeriodUnit unit, String key, LocalDate from, LocalDate to) {

    public GoalPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(key, "key");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    /** The period of {@code unit} that holds the local day {@code date}. */
    public static GoalPeriod containing(GoalPeriodUnit unit, DayOfWeek weekStart, LocalDate date) {
        return switch (unit) {
            case WEEK -> {
                var fields = WeekFields.of(weekStart, 4);
                var first = date.with(TemporalAdjusters.previousOrSame(weekStart));
                yield new GoalPeriod(
                        unit,
                        String.format(
                                "week:%04d-W%02d",
                                date.get(fields.weekBasedYear()), date.get(fields.weekOfWeekBasedYear())),
                        first,
                        first.plusDays(6));
            }
            case MONTH -> {
                var first = date.withDayOfMonth(1);
                yield new GoalPeriod(
                        unit,
                        String.format("month:%04d-%02d", date.getYear(), date.getMonthValue()),
                        first,
                        first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case QUARTER -> {
                int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
                var first = LocalDate.of(date.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new GoalPeriod(
                        unit,
                        "quarter:" + date.getYear() + "-Q" + quarter,
                        first,
                        first.plusMonths(3).minusDays(1));
            }
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
