package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.goals.GoalFixture;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The goal_reached badge kind on a real database: one award per goal period reached, with evidence;
 * on a stored KPI and on a derived one (ADR 0042), judged when any input of it changes.
 */
class GoalReachedBadgeIT {

    private static DatabaseRuntime database;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void awardedForEachWeekThePersonReachedTheirGoalAndRevokedWhenACorrectionUndoesIt() {
        var org = new EvaluatorFixture(database, "goal-badges", "Europe/Berlin", "monday", """
                badges:
                  - key: weekly_goal
                    name: Weekly goal
                    category: goals
                    policy: revocable
                    rule: { kind: goal_reached, kpi: calls_made, period: week }
                """);
        long ana = org.profile("ana@acme.test");
        org.profile("bo@acme.test");
        new GoalFixture(org.transactions)
                .goal(
                        org.organization.id(),
                        "calls_made",
                        "week",
                        "person",
                        ana,
                        null,
                        null,
                        "3",
                        LocalDate.parse("2026-11-23"));

        org.calls("W48", "ana@acme.test", LocalDate.parse("2026-11-24"), 3);
        org.calls("W49", "ana@acme.test", LocalDate.parse("2026-12-01"), 2);
        org.calls("W50", "ana@acme.test", LocalDate.parse("2026-12-08"), 4);
        // Bo has no goal: however much he calls, there is nothing to reach.
        org.calls("BO", "bo@acme.test", LocalDate.parse("2026-11-24"), 9);
        org.drain();

        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test weekly_goal week:2026-W48 awarded",
                        "ana@acme.test weekly_goal week:2026-W50 awarded");
        assertThat(org.evidence("weekly_goal", "week:2026-W50"))
                .contains(
                        "/rule/kind=goal_reached",
                        "/rule/period=week",
                        "/period=week",
                        "/period_key=week:2026-W50",
                        "/target=3",
                        "/value=4",
                        "/window/from=2026-12-07",
                        "/window/to=2026-12-13");
        assertThat(org.notifications()).hasSize(2).allMatch(n -> n.startsWith("badge_earned "));

        // A call of week 48 deleted in the CRM: under the goal again, and the badge is revocable.
        org.deleteCall("W48-1", "ana@acme.test", "2026-11-24T12:00:00Z");
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test weekly_goal week:2026-W48 revoked",
                        "ana@acme.test weekly_goal week:2026-W50 awarded");
        // Back over it: restored without a second notification.
        org.call("W48-9", "ana@acme.test", "2026-11-25T12:00:00Z");
        org.drain();
        assertThat(org.awards()).contains("ana@acme.test weekly_goal week:2026-W48 awarded");
        assertThat(org.notifications()).hasSize(2);
    }

    @Test
    void aGoalOnARatioIsReachedWhenEitherInputMovesTheRateAndNeverWhileItIsUndefined() {
        // The document's `derived:` section would say { ratio: call_connects / calls_made, unit: percent,
        // min_denominator: 4 }.
        var connectRate = new KpiMeasure(
                "connect_rate",
                KpiUnit.PERCENT,
                new KpiFormula.Ratio("call_connects", "calls_made", new BigDecimal("4")),
                0);
        var org = new EvaluatorFixture(
                database,
                "goal-badges-ratio",
                "Europe/Berlin",
                "monday",
                """
                badges:
                  - key: weekly_rate
                    name: Weekly connect rate
                    category: goals
                    policy: revocable
                    rule: { kind: goal_reached, kpi: connect_rate, period: week }
                """,
                EvaluatorSettings.defaults(),
                new KpiMeasureCache((tx, organizationId) -> Map.of(connectRate.key(), connectRate)));
        long ana = org.profile("ana@acme.test");
        new GoalFixture(org.transactions)
                .goal(
                        org.organization.id(),
                        "connect_rate",
                        "week",
                        "person",
                        ana,
                        null,
                        null,
                        "50",
                        LocalDate.parse("2026-11-30"));
        var tuesday = LocalDate.parse("2026-12-01");

        // Two connected calls: 100 %, but undefined below four calls, so the goal is not reached.
        org.connectedCalls("A", "ana@acme.test", tuesday, 2);
        org.drain();
        assertThat(org.awards()).isEmpty();

        // Two calls that reached nobody, on Wednesday: 2 of 4, 50 % over the week. Only calls_made
        // changed, and only on Wednesday; the week is judged as a whole.
        org.calls("B", "ana@acme.test", tuesday.plusDays(1), 2);
        org.drain();
        assertThat(org.awards()).containsExactly("ana@acme.test weekly_rate week:2026-W49 awarded");
        assertThat(org.evidence("weekly_rate", "week:2026-W49"))
                .contains(
                        "/rule/kind=goal_reached",
                        "/rule/kpi=connect_rate",
                        "/target=50",
                        "/window/from=2026-11-30",
                        "/window/to=2026-12-06")
                .anyMatch(line -> line.matches("/value=50(\\.0+)?"));

        // One more unconnected call: 2 of 5, 40 %, under the goal again.
        org.calls("C", "ana@acme.test", tuesday.plusDays(2), 1);
        org.drain();
        assertThat(org.awards()).containsExactly("ana@acme.test weekly_rate week:2026-W49 revoked");

        // A connected call on Friday: 3 of 6, 50 %, restored without a second notification.
        org.connectedCalls("D", "ana@acme.test", tuesday.plusDays(3), 1);
        org.drain();
        assertThat(org.awards()).containsExactly("ana@acme.test weekly_rate week:2026-W49 awarded");
        assertThat(org.notifications()).hasSize(1).allMatch(n -> n.startsWith("badge_earned "));
    }
}
