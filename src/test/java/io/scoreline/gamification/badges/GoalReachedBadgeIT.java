package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The goal_reached badge kind on a real database: one award per goal period reached, with evidence. */
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
        org.transactions.inOrganization(
                org.organization.id(),
                tx -> tx.execute(
                        "insert into goals (organization_id, kpi_key, period_unit, subject_kind, profile_id, target, starts_on)"
                                + " values (?, 'calls_made', 'week', 'person', ?, 3, '2026-11-23')",
                        org.organization.id(),
                        ana));

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
}
