package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contests on derived KPIs (ADR 0042) on the real database with a fake clock: a connect rate with
 * a minimum denominator (undefined rows rank last and show no number; a team combines its members'
 * calls and connects), a scorecard with a daily cap per person (ties by the moment of the latest
 * input fact), a correction during grace that changes the winner, and the catalog compiled once
 * per rule-set version however many people change.
 */
class DerivedKpiContestIT {

    private static final LocalDate FROM = LocalDate.parse("2026-11-02");
    private static final LocalDate TO = LocalDate.parse("2026-11-03");

    /**
     * What the rule document's {@code derived:} section declares; built as KpiMeasure objects here
     * because this slice is written beside the one that parses the section (the measures are the
     * real model the catalog hands out, not stand-ins).
     */
    private static final Map<String, KpiMeasure> DERIVED = Map.of(
            "connect_rate",
            new KpiMeasure(
                    "connect_rate",
                    KpiUnit.PERCENT,
                    new KpiFormula.Ratio("call_connects", "calls_made", BigDecimal.TEN),
                    12),
            "activity_score",
            new KpiMeasure(
                    "activity_score",
                    KpiUnit.COUNT,
                    new KpiFormula.Scorecard(List.of(
                            new KpiFormula.Line("calls_made", BigDecimal.ONE, Optional.of(BigDecimal.valueOf(50))),
                            new KpiFormula.Line("meetings_booked", BigDecimal.TEN, Optional.empty()))),
                    13),
            "open_pipeline",
            new KpiMeasure("open_pipeline", KpiUnit.CURRENCY, new KpiFormula.Snapshot("open_pipeline"), 14));

    private ContestFixture fixture;
    private final AtomicInteger compilations = new AtomicInteger();
    private ContestLeaderboardUpdater updater;
    private ContestLifecycle lifecycle;

    @BeforeEach
    void organization() {
        // Sunday 1 November 2026, 12:00 in Berlin.
        fixture = new ContestFixture(
                Instant.parse("2026-11-01T11:00:00Z"), ContestSettings.defaults(), "ann", "bob", "cat", "dan", "eve");
        var measures = new KpiMeasureCache(this::catalog);
        updater = new ContestLeaderboardUpdater(
                fixture.notifications, fixture.clock, ContestSettings.defaults(), measures);
        lifecycle = new ContestLifecycle(
                fixture.transactions, fixture.notifications, fixture.clock, ContestSettings.defaults(), measures);
        // The keys a contest can be created on: the stored ones and, until the rule document
        // declares them, the derived ones as definitions with their units.
        fixture.transactions.inOrganization(fixture.organization.id(), tx -> {
            tx.execute(
                    "insert into kpi_definitions (organization_id, key, name, unit) values "
                            + "(?, 'call_connects', 'Connects', 'count'), (?, 'meetings_booked', 'Meetings', 'count'), "
                            + "(?, 'connect_rate', 'Connect rate', 'percent'), (?, 'activity_score', 'Activity', 'count'), "
                            + "(?, 'open_pipeline', 'Open pipeline', 'currency')",
                    fixture.organization.id(),
                    fixture.organization.id(),
                    fixture.organization.id(),
                    fixture.organization.id(),
                    fixture.organization.id());
            return null;
        });
    }

    private Map<String, KpiMeasure> catalog(DSLContext tx, long organizationId) {
        compilations.incrementAndGet();
        var measures = new TreeMap<>(KpiMeasureCatalog.of(tx, organizationId));
        measures.putAll(DERIVED);
        return measures;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ContestFixture.BERLIN).toInstant();
    }

    private void clockAt(String localDateTime) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), berlin(localDateTime)));
    }

    private Contest create(String kpi, boolean teams) {
        return fixture.store
                .create(
                        fixture.organization,
                        NewContest.of(kpi + " contest", kpi, FROM.toString(), TO.toString(), teams, null, "24h", null))
                .contest();
    }

    private void goLive() {
        clockAt("2026-11-02T00:00");
        assertThat(lifecycle.tick()).isPositive();
    }

    /** ann 8 of 20 (40 %), bob 10 of 20 (50 %), cat 4 of 4 and dan 3 of 6 (below the minimum of 10 calls), eve 1 of 2. */
    private void callsAndConnects() {
        fixture.fact("C1", "ann", "calls_made", 20, berlin("2026-11-02T09:00"));
        fixture.fact("K1", "ann", "call_connects", 8, berlin("2026-11-02T09:05"));
        fixture.fact("C2", "bob", "calls_made", 20, berlin("2026-11-02T10:00"));
        fixture.fact("K2", "bob", "call_connects", 10, berlin("2026-11-02T10:05"));
        fixture.fact("C3", "cat", "calls_made", 4, berlin("2026-11-02T11:00"));
        fixture.fact("K3", "cat", "call_connects", 4, berlin("2026-11-02T11:05"));
        fixture.fact("C4", "dan", "calls_made", 6, berlin("2026-11-02T12:00"));
        fixture.fact("K4", "dan", "call_connects", 3, berlin("2026-11-02T12:05"));
        fixture.fact("C5", "eve", "calls_made", 2, berlin("2026-11-02T13:00"));
        fixture.fact("K5", "eve", "call_connects", 1, berlin("2026-11-02T13:05"));
        fixture.drain(updater);
    }

    @Test
    void aConnectRateContestRanksUndefinedRatesLastAndACorrectionDuringGraceChangesTheWinner() {
        var contest = create("connect_rate", false);
        assertThat(contest.unit()).isEqualTo(KpiUnit.PERCENT);
        goLive();
        callsAndConnects();

        assertThat(fixture.scores(contest.id()))
                .containsExactly("1 bob 50", "2 ann 40", "3 cat —", "4 dan —", "5 eve —");
        var cat = fixture.store.leaderboard(contest.id()).entries().get(2);
        assertThat(cat.value()).isEmpty();
        assertThat(cat.undefinedReason())
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        assertThat(cat.reachedAt()).isEmpty();
        // bob took the lead with the first defined rate; nobody is told about an undefined one.
        assertThat(fixture.notices()).containsExactly("took_lead ann", "took_lead bob");

        // Grace: ann's connects are corrected from 8 to 12 (60 %), and cat reaches the minimum.
        clockAt("2026-11-04T08:00");
        assertThat(lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.PROVISIONAL);
        fixture.fact("K1", "ann", "call_connects", 12, berlin("2026-11-02T09:05"));
        fixture.fact("C3b", "cat", "calls_made", 6, berlin("2026-11-03T15:00"));
        fixture.drain(updater);
        assertThat(fixture.scores(contest.id()))
                .containsExactly("1 ann 60", "2 bob 50", "3 cat 40", "4 dan —", "5 eve —");

        clockAt("2026-11-05T01:00");
        assertThat(lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.scores(contest.id()))
                .containsExactly("1 ann 60", "2 bob 50", "3 cat 40", "4 dan —", "5 eve —");
        assertThat(fixture.notices()).contains("contest_won ann").doesNotContain("contest_won bob");
    }

    @Test
    void aTeamConnectRateDividesTheMembersSummedConnectsByTheirSummedCalls() {
        fixture.team("Alpha", "ann", "bob");
        fixture.team("Beta", "cat", "dan");
        fixture.team("Gamma", "eve");
        var contest = create("connect_rate", true);
        goLive();
        callsAndConnects();

        // Beta: cat and dan are each below 10 calls, together 7 of 10 (70 %); Gamma has 2 calls.
        assertThat(fixture.scores(contest.id())).containsExactly("1 Beta 70", "2 Alpha 45", "3 Gamma —");
    }

    /** Calls are worth a point each, at most 50 a day per person; a meeting is worth 10. */
    @Test
    void aScorecardContestCapsEachPersonsDayAndBreaksTiesByTheLatestInputFact() {
        var contest = create("activity_score", false);
        goLive();
        fixture.fact("C1", "ann", "calls_made", 80, berlin("2026-11-02T09:00"));
        fixture.fact("C2", "ann", "calls_made", 30, berlin("2026-11-03T10:00"));
        fixture.fact("M1", "ann", "meetings_booked", 1, berlin("2026-11-03T11:00"));
        fixture.fact("C3", "bob", "calls_made", 40, berlin("2026-11-02T09:30"));
        fixture.fact("M2", "bob", "meetings_booked", 5, berlin("2026-11-02T10:00"));
        fixture.drain(updater);

        // Both 90 (ann: 50 capped + 30 + 10); bob reached it first, on the first day.
        assertThat(fixture.board(contest.id()))
                .containsExactly(
                        "1 bob 90 " + berlin("2026-11-02T10:00"),
                        "2 ann 90 " + berlin("2026-11-03T11:00"),
                        "3 cat 0 -",
                        "4 dan 0 -",
                        "5 eve 0 -");
    }

    @Test
    void aTeamScorecardAddsTheMembersCappedDays() {
        fixture.team("Alpha", "ann", "bob");
        fixture.team("Beta", "cat", "dan");
        var contest = create("activity_score", true);
        goLive();
        // Beta: 40 + 40 calls on one day, each under the cap: 80. Alpha: ann's 80 are capped at 50.
        fixture.fact("C1", "cat", "calls_made", 40, berlin("2026-11-02T09:00"));
        fixture.fact("C2", "dan", "calls_made", 40, berlin("2026-11-02T09:10"));
        fixture.fact("C3", "ann", "calls_made", 80, berlin("2026-11-02T09:20"));
        fixture.fact("M1", "bob", "meetings_booked", 2, berlin("2026-11-02T09:30"));
        fixture.drain(updater);

        assertThat(fixture.scores(contest.id())).containsExactly("1 Beta 80", "2 Alpha 70");
    }

    @Test
    void theCatalogIsCompiledOncePerRuleSetVersionNotPerPersonOrChange() {
        var contest = create("connect_rate", false);
        goLive();
        int beforeChanges = compilations.get();
        callsAndConnects();
        fixture.fact("C6", "ann", "calls_made", 5, berlin("2026-11-02T16:00"));
        fixture.drain(updater);
        // Five people, two drains, one shared catalog compiled by going live.
        assertThat(compilations.get()).isEqualTo(beforeChanges);
        assertThat(fixture.scores(contest.id())).startsWith("1 bob 50", "2 ann 32");

        // Activating a rule set changes the stamp: the next change compiles again, once.
        fixture.transactions.inOrganization(fixture.organization.id(), tx -> {
            tx.execute("insert into mapping_rule_sets (organization_id, integration_id, version, document, active) "
                    + "select organization_id, id, 1, 'kpis: {}', true from integrations");
            return null;
        });
        fixture.fact("C7", "bob", "calls_made", 5, berlin("2026-11-02T17:00"));
        fixture.fact("C8", "cat", "calls_made", 6, berlin("2026-11-02T17:30"));
        fixture.drain(updater);
        assertThat(compilations.get()).isEqualTo(beforeChanges + 1);
        assertThat(fixture.scores(contest.id())).startsWith("1 bob 40", "2 cat 40", "3 ann 32");
    }

    @Test
    void aSnapshotContestIsUndefinedBeforeTheFirstSnapshotAndRanksEqualValuesByWhenTheyWereTaken() {
        var contest = create("open_pipeline", false);
        goLive();
        // No snapshot of open_pipeline has been taken: no value, not zero; everyone ranks last, by key.
        assertThat(fixture.board(contest.id()))
                .containsExactly("1 ann — -", "2 bob — -", "3 cat — -", "4 dan — -", "5 eve — -");

        // Monday: bob's pipeline is read at 10:00, ann's at 11:00, both 5000 in deals created in
        // October (the facts' own dates lie before the window: they do not say when the state was had).
        clockAt("2026-11-02T10:00");
        fixture.openDeal("O1", "bob", "open_pipeline", 5000, berlin("2026-10-12T09:00"));
        clockAt("2026-11-02T11:00");
        fixture.openDeal("O2", "ann", "open_pipeline", 3000, berlin("2026-10-13T09:00"));
        fixture.openDeal("O3", "ann", "open_pipeline", 2000, berlin("2026-10-14T09:00"));
        clockAt("2026-11-02T12:00");
        fixture.openDeal("O4", "cat", "open_pipeline", 7000, berlin("2026-10-15T09:00"));
        fixture.drain(updater);
        // Bob had 5000 first; the others, with no snapshot once the organization has them, hold 0.
        assertThat(fixture.board(contest.id()))
                .containsExactly(
                        "1 cat 7000 " + berlin("2026-11-02T12:00"),
                        "2 bob 5000 " + berlin("2026-11-02T10:00"),
                        "3 ann 5000 " + berlin("2026-11-02T11:00"),
                        "4 dan 0 -",
                        "5 eve 0 -");

        // Tuesday: bob's deal is amended to 4000 and back to 5000: he holds 5000 again only from
        // 09:30, after ann, who now leads the tie.
        clockAt("2026-11-03T09:00");
        fixture.openDeal("O1", "bob", "open_pipeline", 4000, berlin("2026-10-12T09:00"));
        clockAt("2026-11-03T09:30");
        fixture.openDeal("O1", "bob", "open_pipeline", 5000, berlin("2026-10-12T09:00"));
        fixture.drain(updater);
        assertThat(fixture.board(contest.id()))
                .containsExactly(
                        "1 cat 7000 " + berlin("2026-11-02T12:00"),
                        "2 ann 5000 " + berlin("2026-11-02T11:00"),
                        "3 bob 5000 " + berlin("2026-11-03T09:30"),
                        "4 dan 0 -",
                        "5 eve 0 -");

        // A replay of the whole outbox (through this test's updater, which knows the snapshot) changes nothing.
        fixture.transactions.inOrganization(
                fixture.organization.id(), tx -> tx.execute("update kpi_changes set processed_at = null"));
        fixture.drain(updater);
        assertThat(fixture.board(contest.id())).startsWith("1 cat 7000 " + berlin("2026-11-02T12:00"));
        assertThat(fixture.scores(contest.id()))
                .containsExactly("1 cat 7000", "2 ann 5000", "3 bob 5000", "4 dan 0", "5 eve 0");
    }
}
