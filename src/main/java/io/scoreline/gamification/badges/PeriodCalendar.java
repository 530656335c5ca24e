package io.scoreline.gamification.badges;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;

/**
 * Periods of local dates (already in the organization's time zone) for an organization whose weeks
 * start on {@code weekStart}. Weeks are numbered within their week-based year with ISO's rule (the
 * first week holds at least four days of the new year), so 29 December 2025 to 4 January 2026 is
 * {@code week:2026-W01} and 28 December 2026 to 3 January 2027 is {@code week:2026-W53}: the year of
 * a week key is never the calendar year of its first day by accident.
 */
public record PeriodCalendar(DayOfWeek weekStart) {

    public Period periodOf(PeriodUnit unit, LocalDate date) {
        return switch (unit) {
            case DAY -> new Period(unit, "day:" + date, date, date);
            case WEEK -> week(date);
            case MONTH -> {
                var first = date.withDayOfMonth(1);
                yield new Period(
                        unit,
                        "month:" + String.format("%04d-%02d", date.getYear(), date.getMonthValue()),
                        first,
                        first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case QUARTER -> {
                int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
                var first = LocalDate.of(date.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new Period(
                        unit,
                        "quarter:" + date.getYear() + "-Q" + quarter,
                        first,
                        first.plusMonths(3).minusDays(1));
            }
            case YEAR ->
                new Period(
                        unit,
                        "year:" + date.getYear(),
                        date.withDayOfYear(1),
                        date.with(TemporalAdjusters.lastDayOfYear()));
            case ALL -> Period.ALL_TIME;
        };
    }

    /** The period that follows {@code period} (not defined for all time). */
    public Period next(Period period) {
        return periodOf(period.unit(), period.to().plusDays(1));
    }

    private Period week(LocalDate date) {
        var fields = WeekFields.of(weekStart, 4);
        var first = date.with(TemporalAdjusters.previousOrSame(weekStart));
        int year = date.get(fields.weekBasedYear());
        int week = date.get(fields.weekOfWeekBasedYear());
        return new Period(PeriodUnit.WEEK, String.format("week:%04d-W%02d", year, week), first, first.plusDays(6));
    }
}
