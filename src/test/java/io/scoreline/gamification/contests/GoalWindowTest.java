package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which goal period a percent-of-goal window is measured against (ADR 0046). */
class GoalWindowTest {

    private static String period(DayOfWeek weekStart, String from, String to) {
        return GoalWindow.of(weekStart, LocalDate.parse(from), LocalDate.parse(to))
                .key();
    }

    @Test
    void theSmallestWeekMonthOrQuarterHoldingTheWholeWindow() {
        assertThat(period(DayOfWeek.MONDAY, "2026-11-02", "2026-11-08")).isEqualTo("week:2026-W45");
        assertThat(period(DayOfWeek.MONDAY, "2026-11-03", "2026-11-05")).isEqualTo("week:2026-W45");
        // Sunday to Saturday is one week only where weeks start on Sunday.
        assertThat(period(DayOfWeek.MONDAY, "2026-11-01", "2026-11-07")).isEqualTo("month:2026-11");
        assertThat(period(DayOfWeek.SUNDAY, "2026-11-01", "2026-11-07")).startsWith("week:");
        assertThat(period(DayOfWeek.MONDAY, "2026-11-01", "2026-11-30")).isEqualTo("month:2026-11");
        assertThat(period(DayOfWeek.MONDAY, "2026-10-15", "2026-11-15")).isEqualTo("quarter:2026-Q4");
    }

    @Test
    void aWindowInNoSinglePeriodIsRefusedNamingTheTwoItSpans() {
        assertThatThrownBy(() ->
                        GoalWindow.of(DayOfWeek.MONDAY, LocalDate.parse("2026-12-30"), LocalDate.parse("2027-01-05")))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("2026-12-30 to 2027-01-05 spans week:2026-W53 and week:2027-W01");
        assertThatThrownBy(() ->
                        GoalWindow.of(DayOfWeek.MONDAY, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-30")))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("spans month:2026-03 and month:2026-04");
        assertThatThrownBy(() ->
                        GoalWindow.of(DayOfWeek.MONDAY, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("is longer than two quarters");
    }

    @Test
    void aStoredPeriodReadsBackTheSameWhateverTheWeekStartIsLater() {
        var week = GoalWindow.of(DayOfWeek.SUNDAY, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-07"));
        assertThat(GoalWindow.stored(GoalPeriodUnit.WEEK, week.from())).isEqualTo(week);
        var quarter = GoalWindow.of(DayOfWeek.MONDAY, LocalDate.parse("2026-10-15"), LocalDate.parse("2026-11-15"));
        assertThat(GoalWindow.stored(GoalPeriodUnit.QUARTER, quarter.from())).isEqualTo(quarter);
    }
}
