package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden scenarios of DESIGN §8 on a real database: CRM records go through the real page writer
 * and the stock Salesforce rules (time zones applied by the product), the outbox through the real
 * drain, on a fake clock.
 */
class BadgeEvaluatorIT {

    private static final String THRESHOLDS = """
            badges:
              - { key: calls_day_3, name: Three, category: calling, rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
              - { key: calls_week_4, name: Four, category: calling, rule: { kind: threshold, kpi: calls_made, period: week, at_least: 4 } }
            """;

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

    private static EvaluatorFixture org(String timezone, String weekStart, String catalog) {
        return new EvaluatorFixture(database, "golden-" + ORGS.incrementAndGet(), timezone, weekStart, catalog);
    }

    @Test
    void berlinDaysAndWeeksFollowLocalMidnightAcrossTheSpringDstChange() {
        var org = org("Europe/Berlin", "monday", THRESHOLDS);
        org.profile("ana@acme.test");
        org.call("T1", "ana@acme.test", "2026-03-28T22:30:00Z"); // Sat 28th 23:30 CET
        org.call("T2", "ana@acme.test", "2026-03-28T23:15:00Z"); // Sun 29th 00:15 CET
        org.call("T3", "ana@acme.test", "2026-03-29T00:30:00Z"); // Sun 29th 01:30 CET (clocks jump at 01:00Z)
        org.call("T4", "ana@acme.test", "2026-03-29T21:30:00Z"); // Sun 29th 23:30 CEST
        org.call("T5", "ana@acme.test", "2026-03-29T22:30:00Z"); // Mon 30th 00:30 CEST: next week
        org.drain();

        // In UTC the 29th would hold two calls and week 13 five; in Berlin the 29th holds three, week 13 four.
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test calls_day_3 day:2026-03-29 awarded",
                        "ana@acme.test calls_week_4 week:2026-W13 awarded");
        assertThat(org.evidence("calls_week_4", "week:2026-W13"))
                .contains(
                        "/window/from=2026-03-23",
                        "/window/to=2026-03-29",
                        "/threshold=4",
                        "/value=4",
                        "/rule/kind=threshold",
                        "/records/0/record_id=T1",
                        "/records/0/object=Task",
                        "/records/0/date=2026-03-28");
    }

    @Test
    void newYorkSundayWeeksAndTheRepeatedHourOfTheAutumnDstChange() {
        var org = org("America/New_York", "sunday", THRESHOLDS);
        org.profile("bo@acme.test");
        org.call("N1", "bo@acme.test", "2026-10-31T03:30:00Z"); // Fri 30th 23:30 EDT
        org.call("N2", "bo@acme.test", "2026-11-01T04:30:00Z"); // Sun 1st 00:30 EDT
        org.call("N3", "bo@acme.test", "2026-11-01T05:30:00Z"); // Sun 1st 01:30 EDT
        org.call("N4", "bo@acme.test", "2026-11-01T06:30:00Z"); // Sun 1st 01:30 EST (the hour again)
        org.call("N5", "bo@acme.test", "2026-11-02T04:30:00Z"); // Sun 1st 23:30 EST
        org.drain();

        // Weeks start on Sunday: the 1st opens week 44, so the Friday call stays in week 43.
        assertThat(org.awards())
                .containsExactly(
                        "bo@acme.test calls_day_3 day:2026-11-01 awarded",
                        "bo@acme.test calls_week_4 week:2026-W44 awarded");
        assertThat(org.evidence("calls_day_3", "day:2026-11-01")).contains("/value=4", "/period_key=day:2026-11-01");
    }

    @Test
    void theIsoWeekOneEdgeKeepsTheTurnOfTheYearInOneWeek() {
        var org = org("Europe/Berlin", "monday", THRESHOLDS);
        org.profile("cy@acme.test");
        org.calls("D", "cy@acme.test", LocalDate.parse("2025-12-29"), 2);
        org.calls("J", "cy@acme.test", LocalDate.parse("2026-01-02"), 2);
        org.calls("K", "cy@acme.test", LocalDate.parse("2026-12-31"), 2);
        org.calls("L", "cy@acme.test", LocalDate.parse("2027-01-03"), 2);
        org.drain();

        // 29 Dec 2025 – 4 Jan 2026 is week 1 of 2026; 28 Dec 2026 – 3 Jan 2027 is week 53 of 2026.
        assertThat(org.awards())
                .containsExactly(
                        "cy@acme.test calls_week_4 week:2026-W01 awarded",
                        "cy@acme.test calls_week_4 week:2026-W53 awarded");
    }

    @Test
    void aStreakBrokenByAMissingDayIsMendedByLateData() {
        var org = org("Europe/Berlin", "monday", """
                badges:
                  - key: streak_3
                    name: Three in a row
                    category: streaks
                    rule: { kind: streak, kpi: calls_made, unit: day, length: 3, at_least: 2 }
                """);
        org.profile("di@acme.test");
        org.calls("MON", "di@acme.test", LocalDate.parse("2026-11-02"), 2);
        org.calls("TUE", "di@acme.test", LocalDate.parse("2026-11-03"), 2);
        org.calls("THU", "di@acme.test", LocalDate.parse("2026-11-05"), 2);
        org.calls("FRI", "di@acme.test", LocalDate.parse("2026-11-06"), 2);
        org.drain();
        assertThat(org.awards()).isEmpty();

        // The weekend neither counts nor breaks: Thursday, Friday, Monday is three working days in a row.
        org.calls("MON2", "di@acme.test", LocalDate.parse("2026-11-09"), 2);
        org.drain();
        assertThat(org.awards()).containsExactly("di@acme.test streak_3 streak:day:2026-11-05 awarded");

        // Wednesday's calls arrive late: one run from Monday the 2nd. The Thursday run no longer starts a
        // streak; the badge is sticky, so it stays with its reversal recorded.
        org.calls("WED", "di@acme.test", LocalDate.parse("2026-11-04"), 2);
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "di@acme.test streak_3 streak:day:2026-11-02 awarded",
                        "di@acme.test streak_3 streak:day:2026-11-05 awarded reversed");
        assertThat(org.evidence("streak_3", "streak:day:2026-11-02"))
                .contains("/window/from=2026-11-02", "/window/to=2026-11-09", "/value=6", "/threshold=3");
    }

    @Test
    void personalBestsNeedHistoryAndAreReconsideredAfterACorrection() {
        var org = org("Europe/Berlin", "monday", """
                badges:
                  - key: pb_day
                    name: Best day
                    category: personal_bests
                    rule: { kind: personal_best, kpi: calls_made, period: day, min_history: 2 }
                """);
        org.profile("ed@acme.test");
        org.calls("MON", "ed@acme.test", LocalDate.parse("2026-11-02"), 3);
        org.calls("TUE", "ed@acme.test", LocalDate.parse("2026-11-03"), 2);
        org.calls("WED", "ed@acme.test", LocalDate.parse("2026-11-04"), 5);
        org.calls("THU", "ed@acme.test", LocalDate.parse("2026-11-05"), 4);
        org.calls("FRI", "ed@acme.test", LocalDate.parse("2026-11-06"), 6);
        org.drain();
        // Monday is the best so far but has no history; Wednesday and Friday beat everything before them.
        assertThat(org.awards())
                .containsExactly(
                        "ed@acme.test pb_day day:2026-11-04 awarded", "ed@acme.test pb_day day:2026-11-06 awarded");

        // Two of Wednesday's calls are deleted in the CRM: 3 no longer beats Monday's 3, and Thursday's 4 is now a
        // record.
        org.deleteCall("WED-1", "ed@acme.test", "2026-11-04T12:00:00Z");
        org.deleteCall("WED-2", "ed@acme.test", "2026-11-04T12:00:00Z");
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ed@acme.test pb_day day:2026-11-04 awarded reversed",
                        "ed@acme.test pb_day day:2026-11-05 awarded",
                        "ed@acme.test pb_day day:2026-11-06 awarded");
    }

    @Test
    void retractionFollowsEachBadgesPolicyAndNeverNotifiesTwice() {
        var org = org("Europe/Berlin", "monday", """
                badges:
                  - { key: sticky_3, name: Sticky, category: calling, policy: sticky,
                      rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
                  - { key: revocable_3, name: Revocable, category: calling, policy: revocable,
                      rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
                """);
        long fay = org.profile("fay@acme.test");
        org.calls("C", "fay@acme.test", LocalDate.parse("2026-11-10"), 3);
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "fay@acme.test revocable_3 day:2026-11-10 awarded",
                        "fay@acme.test sticky_3 day:2026-11-10 awarded");
        assertThat(org.notifications()).hasSize(2);

        org.deleteCall("C-3", "fay@acme.test", "2026-11-10T12:00:00Z");
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "fay@acme.test revocable_3 day:2026-11-10 revoked",
                        "fay@acme.test sticky_3 day:2026-11-10 awarded reversed");
        assertThat(org.notifications()).hasSize(2);
        assertThat(org.count(
                        "select count(*) from audit_log where action = 'badge_reversed' and details->>'profile_id' = ?",
                        Long.toString(fay)))
                .isEqualTo(1L);

        // Back over the line: the revocable badge is restored, the reversal cleared, nobody notified again.
        org.call("C-4", "fay@acme.test", "2026-11-10T15:00:00Z");
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "fay@acme.test revocable_3 day:2026-11-10 awarded",
                        "fay@acme.test sticky_3 day:2026-11-10 awarded");
        assertThat(org.notifications()).hasSize(2);
    }

    @Test
    void backfilledHistoryAwardsSilentlyUnlessTheBackfillAskedToNotify() {
        var org = org("Europe/Berlin", "monday", THRESHOLDS);
        org.profile("gus@acme.test");
        org.profile("hal@acme.test");
        for (int i = 1; i <= 3; i++) {
            org.call("G" + i, "gus@acme.test", "2026-10-05T09:0" + i + ":00Z", ChangeOrigin.backfill(false));
            org.call("H" + i, "hal@acme.test", "2026-10-05T09:0" + i + ":00Z", ChangeOrigin.backfill(true));
        }
        org.drain();

        assertThat(org.awards())
                .containsExactly(
                        "gus@acme.test calls_day_3 day:2026-10-05 awarded",
                        "hal@acme.test calls_day_3 day:2026-10-05 awarded");
        assertThat(org.notifications())
                .singleElement()
                .asString()
                .startsWith("badge_earned badge:" + org.organization.id() + ":")
                .endsWith(":calls_day_3:day:2026-10-05");
        assertThat(org.column("select p.email from notifications n join profiles p on p.id = n.profile_id"))
                .containsExactly("hal@acme.test");
    }

    @Test
    void firstAndComboRulesAwardOncePerKey() {
        var org = org("Europe/Berlin", "monday", """
                badges:
                  - { key: first_call, name: First, category: calling, rule: { kind: first, kpi: calls_made } }
                  - key: combo
                    name: Combo
                    category: combos
                    rule:
                      kind: combo
                      period: week
                      parts:
                        - { kpi: calls_made, at_least: 3 }
                        - { kpi: call_connects, at_least: 3 }
                """);
        org.profile("ida@acme.test");
        org.calls("A", "ida@acme.test", LocalDate.parse("2026-11-02"), 2);
        org.drain();
        assertThat(org.awards()).containsExactly("ida@acme.test first_call all awarded");
        // Completed calls without a connected disposition: calls_made only, the combo is not complete.
        org.calls("B", "ida@acme.test", LocalDate.parse("2026-11-03"), 2);
        org.drain();
        assertThat(org.awards()).containsExactly("ida@acme.test first_call all awarded");
        org.connectedCalls("C", "ida@acme.test", LocalDate.parse("2026-11-06"), 3);
        org.connectedCalls("D", "ida@acme.test", LocalDate.parse("2026-11-13"), 3);
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ida@acme.test combo week:2026-W45 awarded",
                        "ida@acme.test combo week:2026-W46 awarded",
                        "ida@acme.test first_call all awarded");
        assertThat(org.evidence("combo", "week:2026-W45"))
                .contains(
                        "/value/calls_made=7",
                        "/value/call_connects=3",
                        "/threshold/calls_made=3",
                        "/threshold/call_connects=3");
        assertThat(org.evidence("first_call", "all")).contains("/window/from=2026-11-02", "/window/to=2026-11-02");
    }
}
