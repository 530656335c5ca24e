package io.scoreline.gamification.goals;

import io.scoreline.pipeline.goals.GoalPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Where a goal should be by {@code today}: {@code target × elapsed / workingDays}. Days are whole
 * local days of the organization (a DST change never moves a day in or out); a working day counts
 * as elapsed once it is over, so today does not count until tomorrow (nobody is behind pace at 9 in
 * the morning for not having done the whole day yet). A period that has ended has every working
 * day elapsed, one that has not begun none.
 */
public record GoalPace(int workingDays, int elapsedWorkingDays, BigDecimal expected) {

    public static GoalPace of(GoalPeriod period, LocalDate today, Set<DayOfWeek> working, BigDecimal target) {
        int total = workingDaysBetween(period.from(), period.to(), working);
        var lastElapsed = today.minusDays(1).isAfter(period.to()) ? period.to() : today.minusDays(1);
        int elapsed = lastElapsed.isBefore(period.from()) ? 0 : workingDaysBetween(period.from(), lastElapsed, working);
        // A period without a working day (a week of a Monday-to-Friday organization never is one,
        // but settings may change) expects the whole target once it is over.
        var expected = total == 0
                ? (today.isAfter(period.to()) ? target : BigDecimal.ZERO)
                : target.multiply(BigDecimal.valueOf(elapsed))
                        .divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
        return new GoalPace(total, elapsed, Numbers.plain(expected));
    }

    static int workingDaysBetween(LocalDate from, LocalDate to, Set<DayOfWeek> working) {
        int days = 0;
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (working.contains(day.getDayOfWeek())) {
                days++;
            }
        }
        return days;
    }
}
