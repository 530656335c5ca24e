package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.facts.FieldSet;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.testing.KpiTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is computed from a field that was not read (issue 20, ADR 0034), against each CRM's
 * simulator: history backfilled with rules A, then rules B start to read a field A did not
 * ({@code talk_time_minutes}); {@code mapping set} names the gap and its cost, the dry run the
 * same, {@code --offline} refuses, and {@code remap} reads the records again by id and ends with
 * the KPI values of a fresh evaluation of the CRM's data with rules B (per person, KPI and day).
 * A remap killed between pages resumes to the same values.
 */
abstract class RemapRereadContract {

    static final LocalDate HISTORY = LocalDate.of(2026, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 1);
    /** The KPI rules B add: the only one reading the call's duration. */
    static final String ADDED_KPI = "talk_time_minutes";

    @TempDir
    Path dumps;

    CrmSyncFixture fixture;
    String rulesBText;
    String rulesAText;
    RuleSet rulesA;
    RuleSet rulesB;

    abstract CrmSyncFixture connect(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings);

    @BeforeEach
    void start() {
        fixture = connect(
                SimulatorOptions.defaults().withSeed(23).withVolume(4, 12).withLastDay(LAST_DAY),
                CrmSyncFixture.tickingFrom(CrmSyncContract.NOW),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5));
        rulesBText = fixture.stockRuleDocument();
        rulesAText = Pattern.compile("(?m)^  " + ADDED_KPI + ":\\n(    .*\\n)+")
                .matcher(rulesBText)
                .replaceAll("");
        assertThat(rulesAText).doesNotContain(ADDED_KPI);
        rulesA = compile(rulesAText);
        rulesB = compile(rulesBText);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRuleReadingANewFieldIsReportedAndRemapReadsItAgainToTheValuesOfAFreshEvaluation() {
        backfillWithRulesA();
        var missingFields = FieldSet.of(rulesA.fieldsByObject().get(fixture.callObject()))
                .missing(rulesB.fieldsByObject().get(fixture.callObject()));
        assertThat(missingFields)
                .as("rules B read the call's duration, rules A did not")
                .isNotEmpty();
        long liveCalls = liveStored(fixture.callObject());
        long expectedCalls = CrmProfiles.of(fixture.ruleProvider()).callsToReadById(liveCalls);

        var change = fixture.ruleSetVersions().set(fixture.integrationId(), rulesBText, "test");
        var missing = ((RuleSetChange.Stored) change).missing();
        assertThat(missing.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.objectType()).isEqualTo(fixture.callObject());
            assertThat(gap.fields()).containsExactlyInAnyOrderElementsOf(missingFields);
            assertThat(gap.kpis()).containsExactly(ADDED_KPI);
            assertThat(gap.records()).isEqualTo(liveCalls);
            assertThat(gap.apiCalls()).isEqualTo(expectedCalls).isPositive();
        });
        var plan = fixture.remap().plan(fixture.integrationId());
        assertThat(plan.missing()).isEqualTo(missing);

        assertThatThrownBy(() ->
                        fixture.remap().remap(fixture.integrationId(), Optional.empty(), true, ProgressListener.none()))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT))
                .hasMessageContaining(ADDED_KPI)
                .hasMessageContaining(missingFields.getFirst())
                .hasMessageContaining(liveCalls + " stored records");
        assertThat(kpiValues()).as("the refused remap changed nothing").isEqualTo(expected("a", rulesA));

        // A call deleted in the CRM since it was stored: the re-read finds it gone, its facts go.
        var deleted = fixture.sims().dataset().stream(ActivityKind.CALL)
                .filter(call -> !call.meta().deleted())
                .reduce((older, newer) -> newer) // the newest: surely among the stored ones
                .orElseThrow();
        fixture.sims()
                .dataset()
                .update(deleted.withMeta(deleted.meta()
                        .deletedAt(fixture.sims().options().clock().instant())));

        var progress = new CrmSyncContract.PageCounter();
        var remap = fixture.remap().remap(fixture.integrationId(), Optional.empty(), false, progress);
        assertThat(remap.status()).as(remap.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(progress.records()).isEqualTo(liveCalls);
        // A re-read may cost a call or two more than planned: a lapsed session renewed on the way,
        // or (HubSpot) the deleted call asked for again among archived records.
        assertThat(remap.apiCalls()).isBetween(expectedCalls, expectedCalls + 2);
        assertThat(remap.factsChanged()).isPositive();
        assertThat(kpiValues()).isEqualTo(expected("b", rulesB));
        assertThat(liveStored(fixture.callObject())).isEqualTo(liveCalls - 1);

        assertThat(fixture.remap().plan(fixture.integrationId()).missing().isEmpty())
                .as("every stored record now has what the rules read")
                .isTrue();
        var again = fixture.remap().remap(fixture.integrationId(), Optional.empty(), true, ProgressListener.none());
        assertThat(again.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(again.apiCalls()).isZero();
        assertThat(again.factsChanged()).isZero();
    }

    @Test
    void aRemapKilledBetweenItsReReadPagesResumesToTheSameValues() {
        backfillWithRulesA();
        fixture.ruleSetVersions().set(fixture.integrationId(), rulesBText, "test");
        long liveCalls = liveStored(fixture.callObject());
        assertThat(liveCalls).as("more than one page of re-reads").isGreaterThan(RemapService.REREAD_PAGE);

        var crash = new IllegalStateException("simulated kill -9 after the first committed page");
        var crashing = new CrmSyncContract.PageCounter() {
            @Override
            public void advanced(long records) {
                super.advanced(records);
                throw crash;
            }
        };
        assertThatThrownBy(() -> fixture.remap().remap(fixture.integrationId(), Optional.empty(), false, crashing))
                .isSameAs(crash);
        var killed = fixture.runs()
                .recent(fixture.organization().id(), fixture.integrationId(), 1)
                .getFirst();
        assertThat(killed.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(killed.recordsRead()).isEqualTo(RemapService.REREAD_PAGE);
        assertThat(fixture.remap().plan(fixture.integrationId()).missing().records())
                .as("the committed page is read, the rest still lacks the field")
                .isEqualTo(liveCalls - RemapService.REREAD_PAGE);

        var resumed = fixture.remap().resume(killed.id(), fixture.integrationId(), ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(resumed.runId()).isEqualTo(killed.id());
        assertThat(kpiValues()).isEqualTo(expected("resumed", rulesB));
        assertThat(fixture.remap().plan(fixture.integrationId()).missing().isEmpty())
                .isTrue();
    }

    private void backfillWithRulesA() {
        var stored = fixture.ruleSetVersions().set(fixture.integrationId(), rulesAText, "test");
        assertThat(stored).isInstanceOf(RuleSetChange.Stored.class);
        var backfill = fixture.backfill().run(fixture.integrationId(), HISTORY, TODAY, false, ProgressListener.none());
        assertThat(backfill.status()).as(backfill.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(kpiValues()).isEqualTo(expected("a", rulesA));
    }

    private long liveStored(String objectType) {
        return fixture.transactions()
                .inOrganization(
                        fixture.organization().id(),
                        tx -> tx.fetchCount(
                                CRM_RECORDS,
                                CRM_RECORDS.OBJECT_TYPE.eq(objectType).and(CRM_RECORDS.DELETED.isFalse())));
    }

    private RuleSet compile(String document) {
        return ((CompileResult.Compiled) MappingCompiler.compile(document, FieldCatalog.stock(fixture.ruleProvider())))
                .ruleSet();
    }

    private Map<String, BigDecimal> kpiValues() {
        return KpiTruth.stored(fixture.transactions(), fixture.organization().id());
    }

    /** The rules applied by the evaluator alone to a fresh dump of the simulator: what a fresh backfill gives. */
    private Map<String, BigDecimal> expected(String name, RuleSet rules) {
        var dump = dumps.resolve(name + "-" + System.nanoTime());
        try {
            Files.createDirectories(dump);
            fixture.sims().dump(dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var values = KpiTruth.fromDump(
                dump, fixture.ruleProvider(), rules, fixture.organization().timezone());
        assertThat(values).isNotEmpty();
        return values;
    }
}
