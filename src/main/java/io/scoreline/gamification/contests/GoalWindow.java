package io.scoreline.gamification.contests;

import io.scoreline.gamification.badges.Period;
import io.scoreline.gamification.badges.PeriodCalendar;
import io.scoreline.gamification.badges.PeriodUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The goal period a percent-of-goal contest is measured against: its window must be exactly one
 * week, month or quarter of the organization's calendar, because goals are set per such period and
 * a prorated goal for an arbitrary window would be a number nobody agreed to.
 */
final class GoalWindow {

    private static final List<PeriodUnit> GOAL_UNITS = List.of(PeriodUnit.WEEK, PeriodUnit.MONTH, PeriodUnit.QUARTER);

    private GoalWindow() {}

    static Optional<Period> of(PeriodCalendar calendar, LocalDate from, LocalDate to) {
        for (var unit : GOAL_UNITS) {
            var period = calendar.periodOf(unit, from);
            if (period.from().equals(from) && period.to().equals(to)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
