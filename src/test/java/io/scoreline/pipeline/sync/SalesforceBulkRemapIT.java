package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remap whose gap is above the bulk threshold reads the object again through one Bulk API 2.0
 * job on the Salesforce simulator rather than by id (ADR 0034), keeps the records that lack the
 * field, and ends with the values of a fresh evaluation of the CRM's data, as
 * {@link RemapRereadContract} checks for the read by id; the gap report and the dry run price
 * both ways and say which one is taken.
 */
class SalesforceBulkRemapIT {

    private static final long BULK_THRESHOLD = 100;

    @TempDir
    Path dumps;

    private SalesforceSyncFixture fixture;
    private String rulesBText;
    private String rulesAText;

    @BeforeEach
    void start() {
        fixture = new SalesforceSyncFixture(
                SimulatorOptions.defaults().withSeed(23).withVolume(4, 12).withLastDay(RemapRereadContract.LAST_DAY),
                CrmSyncFixture.tickingFrom(CrmSyncContract.NOW),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5, 0.5, BULK_THRESHOLD));
        rulesBText = fixture.stockRuleDocument();
        rulesAText = Pattern.compile("(?m)^  " + RemapRereadContract.ADDED_KPI + ":\\n(    .*\\n)+")
                .matcher(rulesBText)
                .replaceAll("");
        assertThat(rulesAText).doesNotContain(RemapRereadContract.ADDED_KPI);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aGapAboveTheBulkThresholdIsReadAgainInBulkToTheValuesOfAFreshEvaluation() {
        var backfill = fixture.ruleSetVersions().set(fixture.integrationId(), rulesAText, "test");
        assertThat(backfill).isInstanceOf(RuleSetChange.Stored.class);
        var history = fixture.backfill()
                .run(
                        fixture.integrationId(),
                        RemapRereadContract.HISTORY,
                        RemapRereadContract.TODAY,
                        false,
                        ProgressListener.none());
        assertThat(history.status()).as(history.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(kpiValues()).isEqualTo(expected("a", compile(rulesAText)));
        long liveCalls = liveStored(fixture.callObject());
        assertThat(liveCalls).isGreaterThan(BULK_THRESHOLD);
        var profile = CrmProfiles.of(fixture.ruleProvider());
        long byId = profile.callsToReadById(liveCalls);
        long inBulk = profile.callsToReadInBulk(liveCalls).orElseThrow();

        var change = fixture.ruleSetVersions().set(fixture.integrationId(), rulesBText, "test");
        var missing = ((RuleSetChange.Stored) change).missing();
        assertThat(missing.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.records()).isEqualTo(liveCalls);
            assertThat(gap.cost().inBulk()).as("above the threshold").isTrue();
            assertThat(gap.cost().byIdCalls()).isEqualTo(byId).isPositive();
            assertThat(gap.cost().bulkCalls()).hasValue(inBulk);
            assertThat(gap.apiCalls()).isEqualTo(inBulk);
        });
        assertThat(missing.lines())
                .singleElement()
                .asString()
                .contains("about " + inBulk + " API calls in bulk (by id: about " + byId + " API call");
        var plan = fixture.remap().plan(fixture.integrationId());
        assertThat(plan.missing()).as("the dry run prices the same").isEqualTo(missing);

        // A call deleted in the CRM since it was stored: found gone, its facts retracted.
        var deleted = fixture.sims().dataset().stream(ActivityKind.CALL)
                .filter(call -> !call.meta().deleted())
                .reduce((older, newer) -> newer)
                .orElseThrow();
        fixture.sims()
                .dataset()
                .update(deleted.withMeta(deleted.meta()
                        .deletedAt(fixture.sims().options().clock().instant())));

        long jobsBefore = fixture.sims.salesforceSimulator().bulkJobsCreated();
        var progress = new CrmSyncContract.PageCounter();
        var remap = fixture.remap().remap(fixture.integrationId(), Optional.empty(), false, progress);
        assertThat(remap.status()).as(remap.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(fixture.sims.salesforceSimulator().bulkJobsCreated())
                .as("one bulk job for the call object")
                .isEqualTo(jobsBefore + 1);
        assertThat(progress.records()).isEqualTo(liveCalls);
        // The job's polls vary, and a record the bulk query no longer returns is asked for by id.
        assertThat(remap.apiCalls()).isBetween(3L, inBulk + 3);
        assertThat(remap.factsChanged()).isPositive();
        assertThat(kpiValues()).isEqualTo(expected("b", compile(rulesBText)));
        assertThat(liveStored(fixture.callObject())).isEqualTo(liveCalls - 1);
        assertThat(fixture.remap().plan(fixture.integrationId()).missing().isEmpty())
                .isTrue();
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
