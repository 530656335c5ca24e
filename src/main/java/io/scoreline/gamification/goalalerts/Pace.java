package io.scoreline.gamification.goalalerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Where a person should be by {@code today} to reach {@code target} by the end of the period, if
 * every working day counted the same: target × working days elapsed ÷ working days in the period.
 * Today is not elapsed (it is not over), so nobody is behind on the morning of a period's first day.
 * Days are whole local days of the organization's calendar, so a DST change never shifts one.
 */
record Pace(BigDecimal target, int elapsed, int total) {

    static Pace of(BigDecimal target, LocalDate from, LocalDate to, LocalDate today, Set<DayOfWeek> workingDays) {
        int total = 0;
        int elapsed = 0;
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (workingDays.contains(day.getDayOfWeek())) {
                total++;
                if (day.isBefore(today)) {
                    elapsed++;
                }
            }
        }
        return new Pace(target, elapsed, total);
    }

    /** The value expected by today; zero while no working day has passed. */
    BigDecimal expected() {
        if (total == 0 || elapsed == 0) {
            return BigDecimal.ZERO;
        }
        return target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
    }

    /** Behind by more than {@code share} of the expected value: value below expected × (1 − share). */
    boolean behind(BigDecimal value, double share) {
        var expected = expected();
        if (expected.signum() <= 0) {
            return false;
        }
        var line = expected.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(share)));
        return value.compareTo(line) < 0;
    }
}
