package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.EvaluatorFixture;
import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Badges on a derived KPI (ADR 0042), golden scenarios on a real database and a fake clock: the
 * stock Salesforce rules feed calls_made and call_connects through the real page writer and drain;
 * the badge names the connect rate, re-judged whenever either input changes, never reached while
 * the rate is undefined.
 */
class DerivedKpiBadgesIT {

    private static final String CATALOG = """
            badges:
              - { key: connector, name: Connector, category: calling, rule: { kind: threshold, kpi: connect_rate, period: day, at_least: 50 } }
              - { key: calls_day_3, name: Three, category: calling, rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
              - { key: connector_streak, name: Steady, category: calling, rule: { kind: streak, kpi: connect_rate, unit: day, length: 2, at_least: 50 } }
            """;

    // The document's `derived:` section would say { ratio: call_connects / calls_made, unit: percent, min_denominator:
    // 4 }.
    private static final KpiMeasure CONNECT_RATE = new KpiMeasure(
            "connect_rate",
            KpiUnit.PERCENT,
            new KpiFormula.Ratio("call_connects", "calls_made", new BigDecimal("4")),
            0);

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

    @Test
    void aRatioBadgeWaitsForItsMinimumAndFollowsCorrectionsOfEitherInput() {
        var org = new EvaluatorFixture(
                database,
                "derived-badges-" + ORGS.incrementAndGet(),
                "Europe/Berlin",
                "monday",
                CATALOG,
                EvaluatorSettings.defaults(),
                new KpiMeasureCache((tx, organizationId) -> Map.of(CONNECT_RATE.key(), CONNECT_RATE)));
        org.profile("ana@acme.test");
        var tuesday = LocalDate.parse("2026-12-01");

        // Two calls, both connected: 100 %, but undefined below four calls, so no badge.
        org.connectedCalls("A", "ana@acme.test", tuesday, 2);
        org.drain();
        assertThat(org.awards()).isEmpty();

        // Two more calls that reached nobody: 2 of 4, 50 %. Only calls_made changed.
        org.calls("B", "ana@acme.test", tuesday, 2);
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test calls_day_3 day:2026-12-01 awarded",
                        "ana@acme.test connector day:2026-12-01 awarded");
        assertThat(org.evidence("connector", "day:2026-12-01"))
                .contains("/value=50", "/threshold=50", "/window/from=2026-12-01", "/rule/kpi=connect_rate")
                .anyMatch(line -> line.startsWith("/records/0/kpi=call"));

        // Wednesday: 1 of 4 connected, 25 %; Thursday 3 of 4, 75 %: no two-day streak yet.
        org.connectedCalls("C", "ana@acme.test", tuesday.plusDays(1), 1);
        org.calls("D", "ana@acme.test", tuesday.plusDays(1), 3);
        org.connectedCalls("E", "ana@acme.test", tuesday.plusDays(2), 3);
        org.calls("F", "ana@acme.test", tuesday.plusDays(2), 1);
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test calls_day_3 day:2026-12-01 awarded",
                        "ana@acme.test calls_day_3 day:2026-12-02 awarded",
                        "ana@acme.test calls_day_3 day:2026-12-03 awarded",
                        "ana@acme.test connector day:2026-12-01 awarded",
                        "ana@acme.test connector day:2026-12-03 awarded");

        // One of Tuesday's unconnected calls is deleted in the CRM: 2 of 3 would be 67 %, but three
        // calls are below the minimum, so the rate is undefined again and Tuesday's badge is reversed.
        org.deleteCall("B-1", "ana@acme.test", tuesday + "T12:00:00Z");
        org.drain();
        assertThat(org.awards())
                .containsExactly(
                        "ana@acme.test calls_day_3 day:2026-12-01 awarded",
                        "ana@acme.test calls_day_3 day:2026-12-02 awarded",
                        "ana@acme.test calls_day_3 day:2026-12-03 awarded",
                        "ana@acme.test connector day:2026-12-01 awarded reversed",
                        "ana@acme.test connector day:2026-12-03 awarded");

        // Two connected calls on Wednesday: 3 of 6, 50 %, and with Thursday a two-day streak.
        org.connectedCalls("G", "ana@acme.test", tuesday.plusDays(1), 2);
        org.drain();
        assertThat(org.awards())
                .contains(
                        "ana@acme.test connector day:2026-12-02 awarded",
                        "ana@acme.test connector_streak streak:day:2026-12-02 awarded");
    }

    @Test
    void aDistinctCountBadgeFollowsACallMovedToAnotherAccountOnTheSameDay() throws IOException {
        // The document's `derived:` section would say { distinct: calls_made }.
        var accounts = new KpiMeasure("accounts_called", KpiUnit.COUNT, new KpiFormula.DistinctCount("calls_made"), 0);
        var org = new EvaluatorFixture(
                database,
                "derived-badges-" + ORGS.incrementAndGet(),
                "Europe/Berlin",
                "monday",
                """
                badges:
                  - { key: reach_3, name: Reach, category: calling, rule: { kind: threshold, kpi: accounts_called, period: day, at_least: 3 } }
                """,
                EvaluatorSettings.defaults(),
                new KpiMeasureCache((tx, organizationId) -> Map.of(accounts.key(), accounts)));
        org.useRules(Files.readString(Path.of("mappings/salesforce.yaml"))
                .replace("    when: TaskSubtype = 'Call'\n", "    when: TaskSubtype = 'Call'\n    distinct: WhatId\n"));
        org.profile("ana@acme.test");

        // Three calls about two accounts: calls_made 3, accounts_called 2.
        org.callAbout("T1", "ana@acme.test", "2026-12-01T09:00:00Z", "ACC-A");
        org.callAbout("T2", "ana@acme.test", "2026-12-01T10:00:00Z", "ACC-A");
        org.callAbout("T3", "ana@acme.test", "2026-12-01T11:00:00Z", "ACC-B");
        org.drain();
        assertThat(org.awards()).isEmpty();

        // The second call was about another account: same person, day, value and count, so only
        // the fact's distinct value changes; the cell is still touched and the badge judged.
        org.callAbout("T2", "ana@acme.test", "2026-12-01T10:00:00Z", "ACC-C");
        assertThat(org.count("select count(*) from kpi_changes where kpi_key = 'calls_made' and processed_at is null"))
                .isEqualTo(1);
        org.drain();
        assertThat(org.awards()).containsExactly("ana@acme.test reach_3 day:2026-12-01 awarded");
        assertThat(org.evidence("reach_3", "day:2026-12-01")).contains("/value=3", "/rule/kpi=accounts_called");

        // Moved back: two accounts again, the award is reversed.
        org.callAbout("T2", "ana@acme.test", "2026-12-01T10:00:00Z", "ACC-A");
        org.drain();
        assertThat(org.awards()).containsExactly("ana@acme.test reach_3 day:2026-12-01 awarded reversed");
    }
}
