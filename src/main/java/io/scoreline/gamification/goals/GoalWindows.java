package io.scoreline.gamification.goals;

import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which goal period a window of days is judged against. {@code kpi show --goals} and the API's
 * totals need the window to be exactly one period (a percent of a monthly goal over ten days says
 * nothing); a contest's board takes the smallest period that holds its whole window (a weekly
 * contest in a month with a monthly goal shows progress towards that month's goal).
 */
public final class GoalWindows {

    private GoalWindows() {}

    /** The week, month or quarter that is exactly {@code [from, to]}; empty when none is. */
    public static Optional<GoalPeriod> exactly(DayOfWeek weekStart, LocalDate from, LocalDate to) {
        return Arrays.stream(GoalPeriodUnit.values())
                .map(unit -> GoalPeriod.containing(unit, weekStart, from))
                .filter(p -> p.from().equals(from) && p.to().equals(to))
                .findFirst();
    }

    /**
     * The smallest week, month or quarter that holds the whole of {@code [from, to]} (the one equal
     * to the window when there is one); empty when the window spans two quarters.
     */
    public static Optional<GoalPeriod> holding(DayOfWeek weekStart, LocalDate from, LocalDate to) {
        // GoalPeriodUnit lists the units from the shortest; a longer period never fits in a shorter one.
        return Arrays.stream(GoalPeriodUnit.values())
                .map(unit -> GoalPeriod.containing(unit, weekStart, from))
                .filter(p -> p.contains(to))
                .findFirst();
    }
}
