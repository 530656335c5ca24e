package io.scoreline.gamification.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Percent of goal and pace without a database: undefined stays undefined, days are local dates. */
class GoalStandingTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void anUndefinedValueHasNoPercentAndIsNotBehind() {
        var period = GoalPeriod.containing(GoalPeriodUnit.MONTH, DayOfWeek.MONDAY, LocalDate.of(2026, 3, 15));
        var pace = GoalPace.of(period, LocalDate.of(2026, 3, 16), WEEKDAYS, new BigDecimal("40"));
        var standing = GoalStanding.of(
                new MeasuredValue.Undefined("3 calls_made, fewer than the minimum 10"), new BigDecimal("40"), pace);
        assertThat(standing).isEqualTo(new GoalStanding.Undefined("3 calls_made, fewer than the minimum 10"));
        assertThat(standing.percentOfTarget()).isEmpty();
        assertThat(standing.status()).isEqualTo("undefined");
        assertThat(standing.percentText()).isEqualTo("undefined");
    }

    @Test
    void aRatioGoalIsAPercentOfTheRatio() {
        var period = GoalPeriod.containing(GoalPeriodUnit.WEEK, DayOfWeek.MONDAY, LocalDate.of(2026, 3, 11));
        // Wednesday: Monday and Tuesday are over, 2 of 5 working days.
        var pace = GoalPace.of(period, LocalDate.of(2026, 3, 11), WEEKDAYS, new BigDecimal("0.4"));
        assertThat(pace).isEqualTo(new GoalPace(5, 2, new BigDecimal("0.16")));
        var standing = GoalStanding.of(new MeasuredValue.Defined(new BigDecimal("0.3")), new BigDecimal("0.4"), pace);
        assertThat(standing)
                .isEqualTo(
                        new GoalStanding.Measured(new BigDecimal("0.3"), new BigDecimal("75"), new BigDecimal("0.14")));
        assertThat(standing.status()).isEqualTo("ahead");
        assertThat(standing.percentText()).isEqualTo("75%");
    }

    @Test
    void aSundayStartWeekCountsItsOwnWorkingDays() {
        var period = GoalPeriod.containing(GoalPeriodUnit.WEEK, DayOfWeek.SUNDAY, LocalDate.of(2026, 3, 29));
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 29));
        var sundayToThursday = EnumSet.of(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        var pace = GoalPace.of(period, LocalDate.of(2026, 4, 2), sundayToThursday, new BigDecimal("10"));
        assertThat(pace).isEqualTo(new GoalPace(5, 4, new BigDecimal("8")));
        var after = GoalPace.of(period, LocalDate.of(2026, 4, 9), sundayToThursday, new BigDecimal("10"));
        assertThat(after).isEqualTo(new GoalPace(5, 5, new BigDecimal("10")));
    }
}
