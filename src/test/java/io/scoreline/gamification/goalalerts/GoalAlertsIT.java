package io.scoreline.gamification.goalalerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.KpiChangeDrain;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goal notifications on a real database: calls go through the real page writer and the stock
 * Salesforce rules, the outbox through the real drain, on a fake clock (pace depends on today).
 */
class GoalAlertsIT {

    private static DatabaseRuntime database;
    private static final AtomicInteger ORGS = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** An organization in Berlin with Monday weeks, evaluated by the goal alerts alone. */
    private static final class Org {
        final EvaluatorFixture fixture = new EvaluatorFixture(
                database, "goals-" + ORGS.incrementAndGet(), "Europe/Berlin", "monday", "badges: []");
        final KpiChangeDrain drain = fixture.newDrain(
                List.of(new GoalAlerts(
                        new NotificationStore(fixture.transactions, fixture.clock),
                        EvaluatorSettings.defaults(),
                        GoalAlertSettings.defaults(),
                        fixture.clock)),
                EvaluatorSettings.defaults());

        long person(String email) {
            return fixture.profile(email);
        }

        void goal(long profileId, String unit, int target, String startsOn) {
            fixture.transactions.inOrganization(
                    fixture.organization.id(),
                    tx -> tx.execute(
                            "insert into goals (organization_id, kpi_key, period_unit, subject_kind, profile_id, target, starts_on)"
                                    + " values (?, 'calls_made', ?, 'person', ?, ?, ?::date)",
                            fixture.organization.id(),
                            unit,
                            profileId,
                            target,
                            startsOn));
        }

        /** Moves the fake clock to {@code instant} (never backwards). */
        void at(String instant) {
            fixture.clock.advance(Duration.between(fixture.clock.instant(), Instant.parse(instant)));
        }

        void drain() {
            drain.drainUntilEmpty();
        }

        List<String> notifications() {
            return fixture.notifications();
        }
    }

    @Test
    void aGoalIsReachedOnceEvenWhenACorrectionTakesThePersonUnderAndOverAgain() {
        var org = new Org();
        long ana = org.person("ana@acme.test");
        org.goal(ana, "month", 3, "2026-12-01");
        // Tuesday 1 December: the first working day of the month is not over, so nobody is behind yet.
        org.fixture.calls("A", "ana@acme.test", LocalDate.parse("2026-12-01"), 2);
        org.drain();
        assertThat(org.notifications()).isEmpty();

        org.fixture.call("A-3", "ana@acme.test", "2026-12-01T13:00:00Z");
        org.drain();
        var reached =
                "goal_reached goal:" + org.fixture.organization.id() + ":" + ana + ":calls_made:month:2026-12:reached";
        assertThat(org.notifications()).containsExactly(reached);
        assertThat(org.fixture.column("select payload::text from notifications"))
                .singleElement()
                .satisfies(payload -> assertThat(payload)
                        .contains("\"target\": \"3\"", "\"value\": \"3\"", "\"period\": \"month:2026-12\""));

        // The CRM deletes a call (back under the goal), then a new one takes her over it again.
        org.fixture.deleteCall("A-3", "ana@acme.test", "2026-12-01T13:00:00Z");
        org.drain();
        org.fixture.call("A-4", "ana@acme.test", "2026-12-01T14:00:00Z");
        org.drain();
        // A replay of the whole outbox changes nothing either.
        org.fixture.replayOutbox();
        org.drain();
        assertThat(org.notifications()).containsExactly(reached);
    }

    @Test
    void behindPaceIsToldOncePerPeriodAcrossDaysAndAgainInTheNextPeriod() {
        var org = new Org();
        long bo = org.person("bo@acme.test");
        long cy = org.person("cy@acme.test");
        org.goal(bo, "week", 10, "2026-11-30");
        org.goal(cy, "week", 10, "2026-11-30");
        var key = "goal:" + org.fixture.organization.id() + ":" + bo + ":calls_made:";

        // Thursday 3 December, week 49: Monday to Wednesday are over, so pace is 10 × 3/5 = 6 and
        // behind means under 6 × 0.75 = 4.5. Bo has 1 call, Cy 5.
        org.at("2026-12-03T12:00:00Z");
        org.fixture.calls("B", "bo@acme.test", LocalDate.parse("2026-11-30"), 1);
        org.fixture.calls("C", "cy@acme.test", LocalDate.parse("2026-11-30"), 5);
        org.drain();
        assertThat(org.notifications()).containsExactly("goal_behind_pace " + key + "week:2026-W49:behind_pace");
        assertThat(org.fixture.column("select payload::text from notifications"))
                .singleElement()
                .satisfies(payload -> assertThat(payload)
                        .contains("\"expected\": \"6\"", "\"working_days_elapsed\": 3", "\"working_days\": 5"));

        // Friday, still behind (2 of a pace of 8): not told again this week.
        org.at("2026-12-04T12:00:00Z");
        org.fixture.call("B-2", "bo@acme.test", "2026-12-04T09:00:00Z");
        org.drain();
        assertThat(org.notifications()).hasSize(1);

        // Tuesday of week 50 with nothing on Monday: behind in the new week, told once more.
        org.at("2026-12-08T12:00:00Z");
        org.fixture.call("B-3", "bo@acme.test", "2026-12-08T09:00:00Z");
        org.drain();
        assertThat(org.notifications())
                .containsExactly(
                        "goal_behind_pace " + key + "week:2026-W49:behind_pace",
                        "goal_behind_pace " + key + "week:2026-W50:behind_pace");
    }

    @Test
    void backfillChangesNeverNotify() {
        var org = new Org();
        long di = org.person("di@acme.test");
        org.goal(di, "month", 2, "2026-11-01");
        org.at("2026-12-10T12:00:00Z");
        // November over its goal and December far behind pace, both from a backfill without --notify.
        org.fixture.call("D1", "di@acme.test", "2026-11-03T09:00:00Z", ChangeOrigin.backfill(false));
        org.fixture.call("D2", "di@acme.test", "2026-11-04T09:00:00Z", ChangeOrigin.backfill(false));
        org.goal(di, "week", 20, "2026-12-07");
        org.fixture.call("D3", "di@acme.test", "2026-12-09T09:00:00Z", ChangeOrigin.backfill(false));
        org.drain();

        assertThat(org.fixture.pending()).isZero();
        assertThat(org.notifications()).isEmpty();
    }
}
