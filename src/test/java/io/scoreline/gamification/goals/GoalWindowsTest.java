package io.scoreline.gamification.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.goals.GoalPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which goal period a window is judged against: exactly one for totals, the smallest holding it for a board. */
class GoalWindowsTest {

    private static Optional<String> holding(String from, String to) {
        return GoalWindows.holding(DayOfWeek.MONDAY, LocalDate.parse(from), LocalDate.parse(to))
                .map(GoalPeriod::key);
    }

    @Test
    void aBoardTakesThePeriodEqualToItsWindowElseTheSmallestHoldingIt() {
        assertThat(holding("2030-03-04", "2030-03-10")).as("a week").contains("week:2030-W10");
        assertThat(holding("2030-03-01", "2030-03-31")).as("a month").contains("month:2030-03");
        assertThat(holding("2030-01-01", "2030-03-31")).as("a quarter").contains("quarter:2030-Q1");
        assertThat(holding("2030-03-05", "2030-03-06")).as("two days of a week").contains("week:2030-W10");
        assertThat(holding("2030-03-08", "2030-03-12"))
                .as("across a weekend into the next week")
                .contains("month:2030-03");
        assertThat(holding("2030-02-25", "2030-03-05")).as("across a month end").contains("quarter:2030-Q1");
        assertThat(holding("2030-03-25", "2030-04-05"))
                .as("across two quarters")
                .isEmpty();
    }

    @Test
    void totalsNeedExactlyOnePeriod() {
        assertThat(GoalWindows.exactly(DayOfWeek.MONDAY, LocalDate.parse("2030-03-01"), LocalDate.parse("2030-03-31")))
                .map(GoalPeriod::key)
                .contains("month:2030-03");
        assertThat(GoalWindows.exactly(DayOfWeek.MONDAY, LocalDate.parse("2030-03-01"), LocalDate.parse("2030-03-20")))
                .isEmpty();
        assertThat(GoalWindows.exactly(DayOfWeek.SUNDAY, LocalDate.parse("2030-03-03"), LocalDate.parse("2030-03-09")))
                .as("a week of an organization whose weeks start on Sunday")
                .isPresent();
    }
}
