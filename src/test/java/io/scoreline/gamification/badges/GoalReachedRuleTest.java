package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The goal_reached rule kind in a catalog: its fields, its periods and its stored form. */
class GoalReachedRuleTest {

    @Test
    void aGoalReachedBadgeNamesAKpiAndAGoalPeriodAndSurvivesItsStoredForm() {
        var result = BadgeCatalogReader.read("""
                badges:
                  - key: monthly_goal
                    name: Goal getter
                    category: goals
                    policy: revocable
                    rule: { kind: goal_reached, kpi: meetings_booked, period: month }
                """);

        assertThat(result.problems()).isEmpty();
        var badge = result.badges().getFirst();
        assertThat(badge.rule()).isEqualTo(new BadgeRule.GoalReached("meetings_booked", PeriodUnit.MONTH));
        assertThat(badge.policy()).isEqualTo(RetractionPolicy.REVOCABLE);
        assertThat(BadgeRuleJson.toJson(badge.rule()))
                .isEqualTo("{\"kind\":\"goal_reached\",\"kpi\":\"meetings_booked\",\"period\":\"month\"}");
        assertThat(BadgeRuleJson.fromJson(BadgeRuleJson.toJson(badge.rule()))).isEqualTo(badge.rule());
    }

    @Test
    void periodsWithoutGoalsAndForeignFieldsAreProblemsAtTheirLine() {
        var result = BadgeCatalogReader.read("""
                badges:
                  - key: daily_goal
                    name: Daily
                    category: goals
                    rule: { kind: goal_reached, kpi: calls_made, period: day }
                  - key: yearly_goal
                    name: Yearly
                    category: goals
                    rule: { kind: goal_reached, kpi: calls_made, period: year, at_least: 3 }
                  - key: no_period
                    name: None
                    category: goals
                    rule: { kind: goal_reached, kpi: calls_made }
                """);

        assertThat(result.badges()).isEmpty();
        assertThat(result.problems())
                .extracting(p -> p.line() + ":" + p.column() + ": " + p.message())
                .containsExactly(
                        "5:58: a goal_reached period must be week, month or quarter (the periods goals are set for); got 'day'",
                        "9:58: a goal_reached period must be week, month or quarter (the periods goals are set for); got 'year'",
                        "9:64: unknown field 'at_least' (expected one of kind, kpi, period)",
                        "13:11: missing 'period'");
    }
}
