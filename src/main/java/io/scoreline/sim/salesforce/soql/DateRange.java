package io.scoreline.sim.salesforce.soql;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The half-open day range [{@code from}, {@code until}) a relative date literal stands for. */
record DateRange(LocalDate from, LocalDate until) {

    static DateRange of(Literal.RelativeDate literal, LocalDate today) {
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate yearStart = today.withDayOfYear(1);
        int n = literal.n();
        return switch (literal.name()) {
            case "TODAY" -> new DateRange(today, today.plusDays(1));
            case "YESTERDAY" -> new DateRange(today.minusDays(1), today);
            case "TOMORROW" -> new DateRange(today.plusDays(1), today.plusDays(2));
            case "LAST_WEEK" -> new DateRange(weekStart.minusWeeks(1), weekStart);
            case "THIS_WEEK" -> new DateRange(weekStart, weekStart.plusWeeks(1));
            case "NEXT_WEEK" -> new DateRange(weekStart.plusWeeks(1), weekStart.plusWeeks(2));
            case "LAST_MONTH" -> new DateRange(monthStart.minusMonths(1), monthStart);
            case "THIS_MONTH" -> new DateRange(monthStart, monthStart.plusMonths(1));
            case "NEXT_MONTH" -> new DateRange(monthStart.plusMonths(1), monthStart.plusMonths(2));
            case "LAST_90_DAYS" -> new DateRange(today.minusDays(90), today.plusDays(1));
            case "NEXT_90_DAYS" -> new DateRange(today.plusDays(1), today.plusDays(91));
            case "THIS_YEAR" -> new DateRange(yearStart, yearStart.plusYears(1));
            case "LAST_YEAR" -> new DateRange(yearStart.minusYears(1), yearStart);
            // LAST_N_DAYS includes today, as in Salesforce.
            case "LAST_N_DAYS" -> new DateRange(today.minusDays(n - 1L), today.plusDays(1));
            case "NEXT_N_DAYS" -> new DateRange(today.plusDays(1), today.plusDays(n + 1L));
            case "N_DAYS_AGO" -> new DateRange(today.minusDays(n), today.minusDays(n - 1L));
            default -> throw new IllegalArgumentException("unknown date literal " + literal.name());
        };
    }

    Instant fromInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant untilInstant(ZoneId zone) {
        return until.atStartOfDay(zone).toInstant();
    }
}
