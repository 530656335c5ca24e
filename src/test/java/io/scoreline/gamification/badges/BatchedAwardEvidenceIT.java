package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRM records of every award one person earns in one claim are read in one statement (ADR
 * 0049): each award must still list only the records of its own window and person, ranked as
 * before (largest value, then earliest day, then record id), at most three.
 */
class BatchedAwardEvidenceIT {

    private static final String THRESHOLDS = """
            badges:
              - { key: calls_day_3, name: Three, category: calling, rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
              - { key: calls_week_4, name: Four, category: calling, rule: { kind: threshold, kpi: calls_made, period: week, at_least: 4 } }
            """;

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
    void awardsOfOneClaimEachKeepTheRecordsOfTheirOwnWindowAndPerson() {
        var org = new EvaluatorFixture(database, "batched-evidence", "UTC", "monday", THRESHOLDS);
        org.profile("ana@acme.test");
        org.profile("bo@acme.test");
        org.calls("A", "ana@acme.test", LocalDate.parse("2026-11-02"), 3);
        org.calls("B", "ana@acme.test", LocalDate.parse("2026-11-03"), 4);
        org.calls("C", "bo@acme.test", LocalDate.parse("2026-11-04"), 3);

        var report = org.drain();

        assertThat(report.organizations()).as("one claim took every change").isEqualTo(1);
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test calls_day_3 day:2026-11-02 awarded",
                        "ana@acme.test calls_day_3 day:2026-11-03 awarded",
                        "ana@acme.test calls_week_4 week:2026-W45 awarded",
                        "bo@acme.test calls_day_3 day:2026-11-04 awarded");
        assertThat(records(org, "calls_day_3", "day:2026-11-02")).containsExactly("A-1", "A-2", "A-3");
        assertThat(records(org, "calls_day_3", "day:2026-11-03")).containsExactly("B-1", "B-2", "B-3");
        assertThat(records(org, "calls_day_3", "day:2026-11-04")).containsExactly("C-1", "C-2", "C-3");
        // Seven calls in the week, all worth 1: the earliest day's come first, then by record id.
        assertThat(records(org, "calls_week_4", "week:2026-W45")).containsExactly("A-1", "A-2", "A-3");
        assertThat(org.evidence("calls_day_3", "day:2026-11-03"))
                .contains("/value=4", "/records/0/date=2026-11-03", "/records/0/kpi=calls_made", "/records/0/value=1");
    }

    private static java.util.List<String> records(EvaluatorFixture org, String badge, String periodKey) {
        return org.evidence(badge, periodKey).stream()
                .filter(line -> line.matches("/records/\\d+/record_id=.*"))
                .map(line -> line.substring(line.indexOf('=') + 1))
                .toList();
    }
}
