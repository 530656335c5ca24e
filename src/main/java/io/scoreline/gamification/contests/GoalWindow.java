package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The goal period a percent-of-goal contest is measured against (ADR 0046): the week, month or
 * quarter of the organization's calendar that equals the window, else the smallest one that holds
 * the whole window. A window in no single goal period is refused: a goal is agreed per period, and
 * a prorated or summed goal would be a number nobody agreed to.
 */
final class GoalWindow {

    private GoalWindow() {}

    /** @throws ScorelineException bad input naming the two periods the window spans */
    static GoalPeriod of(DayOfWeek weekStart, LocalDate from, LocalDate to) {
        for (var unit : GoalPeriodUnit.values()) {
            var period = GoalPeriod.containing(unit, weekStart, from);
            if (!to.isAfter(period.to())) {
                return period;
            }
        }
        throw ScorelineException.badInput("ranking by percent_of_goal needs the window inside one goal period (a week"
                + " from " + weekStart.toString().toLowerCase(Locale.ROOT) + ", a month or a quarter): " + from
                + " to " + to + " " + spans(weekStart, from, to) + "; move --from or --to, or rank by value");
    }

    /** The two periods of the smallest unit of which the window touches exactly two. */
    private static String spans(DayOfWeek weekStart, LocalDate from, LocalDate to) {
        for (var unit : GoalPeriodUnit.values()) {
            var first = GoalPeriod.containing(unit, weekStart, from);
            var last = GoalPeriod.containing(unit, weekStart, to);
            if (last.from().equals(first.to().plusDays(1))) {
                return "spans " + first.key() + " and " + last.key();
            }
        }
        return "is longer than two quarters";
    }

    /** The stored period again: for a week, its first day is the organization's week start when it was created. */
    static GoalPeriod stored(GoalPeriodUnit unit, LocalDate periodFrom) {
        return GoalPeriod.containing(unit, periodFrom.getDayOfWeek(), periodFrom);
    }
}
