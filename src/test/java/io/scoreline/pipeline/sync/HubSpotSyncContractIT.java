package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Provider;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.testing.KpiTruth;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HubSpot path end to end against the simulator over real HTTP: the KPI values after a sync
 * equal an independent evaluation of the simulator's ground-truth dump with the same rules, edits,
 * archives and owner changes arrive with the next sync, and syncing again changes nothing.
 */
class HubSpotSyncContractIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path dump;

    private HubSpotSyncFixture fixture;
    private RuleSet rules;

    @BeforeEach
    void start() {
        fixture = new HubSpotSyncFixture(io.scoreline.sim.SimulatorOptions.defaults().withSeed(13).withVolume(4, 10)
                .withLastDay(LocalDate.of(2026, 3, 1)), HubSpotSyncFixture.tickingFrom(NOW),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5));
        rules = ((CompileResult.Compiled) MappingCompiler.compile(HubSpotSyncFixture.stockRules(),
                FieldCatalog.stock(Provider.HUBSPOT))).ruleSet();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fullSyncMatchesTheGroundTruthAndASecondSyncChangesNothing() throws Exception {
        var first = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        assertThat(first.status()).as(first.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(first.recordsRead()).isGreaterThan(300);
        assertThat(first.apiCalls()).isGreaterThan(0);

        fixture.sims.dump(dump);
        var expected = expectedFromDump();
        assertThat(expected).isNotEmpty();
        assertThat(kpiValues()).isEqualTo(expected);

        var second = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.factsChanged()).isZero();
        assertThat(kpiValues()).isEqualTo(expected);
    }

    @Test
    void editsArchivesAndOwnerChangesArriveWithTheNextSync() throws Exception {
        var first = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        assertThat(first.status()).as(first.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);

        var dataset = fixture.sims.dataset();
        var clock = fixture.sims.options().clock();
        var calls = dataset.stream(ActivityKind.CALL).filter(a -> !a.meta().deleted()).limit(6).toList();
        // Two archived, two handed to another rep, two edited (a call that did not connect now did, or the reverse).
        dataset.update(calls.get(0).withMeta(calls.get(0).meta().deletedAt(clock.instant())));
        dataset.update(calls.get(1).withMeta(calls.get(1).meta().deletedAt(clock.instant())));
        for (var call : calls.subList(2, 4)) {
            int other = (call.meta().ownerRep() + 1) % dataset.reps().size();
            dataset.update(call.withMeta(call.meta().reassigned(other, clock.instant())));
        }
        for (var call : calls.subList(4, 6)) {
            var c = (io.scoreline.sim.data.Activity.Call) call;
            var outcome = c.outcome() == io.scoreline.sim.data.CallOutcome.values()[0]
                    ? io.scoreline.sim.data.CallOutcome.values()[1] : io.scoreline.sim.data.CallOutcome.values()[0];
            dataset.update(new io.scoreline.sim.data.Activity.Call(c.meta().modified(clock.instant()), c.subject(), c.outbound(),
                    c.durationSeconds() + 60, outcome));
        }

        var second = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        assertThat(second.status()).as(second.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.factsChanged()).isPositive();
        fixture.sims.dump(dump);
        assertThat(kpiValues()).isEqualTo(expectedFromDump());
        var archived = fixture.transactions.inOrganization(fixture.organization.id(), tx -> tx.select(CRM_RECORDS.DELETED)
                .from(CRM_RECORDS).where(CRM_RECORDS.OBJECT_TYPE.eq("calls"))
                .and(CRM_RECORDS.RECORD_ID.in(id(calls.get(0)), id(calls.get(1)))).fetch(CRM_RECORDS.DELETED));
        assertThat(archived).containsExactly(true, true);

        var third = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        assertThat(third.factsChanged()).isZero();
    }

    @Test
    void readByIdBatchesAHundredIdsPerCallAndReportsArchivedRecordsDeleted() throws Exception {
        fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
        var stored = fixture.transactions.inOrganization(fixture.organization.id(), tx -> tx.select(CRM_RECORDS.RECORD_ID)
                .from(CRM_RECORDS).where(CRM_RECORDS.OBJECT_TYPE.eq("calls")).and(CRM_RECORDS.DELETED.isFalse())
                .orderBy(CRM_RECORDS.RECORD_ID).limit(150)
                .fetch(CRM_RECORDS.RECORD_ID));
        assertThat(stored).hasSize(150);
        var dataset = fixture.sims.dataset();
        var firstCall = dataset.stream(ActivityKind.CALL).filter(a -> id(a).equals(stored.getFirst())).findFirst().orElseThrow();
        dataset.update(firstCall.withMeta(firstCall.meta().deletedAt(fixture.sims.options().clock().instant())));
        var ids = new ArrayList<>(stored);
        ids.add("99");
        try (var connector = fixture.openConnector()) {
            long before = connector.apiCalls();
            var read = connector.read("calls", Set.of("hubspot_owner_id", "hs_call_status"), ids);
            assertThat(read).extracting(r -> r.recordId()).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(read).filteredOn(r -> r.deleted()).extracting(r -> r.recordId()).containsExactly(stored.getFirst());
            assertThat(read).filteredOn(r -> !r.deleted()).allSatisfy(r -> assertThat(r.fields()).containsKeys("hubspot_owner_id", "hs_call_status"));
            // 151 ids: two live batch reads, then one archived read for the two ids not found live.
            assertThat(connector.apiCalls() - before).isEqualTo(3);
            assertThatThrownBy(() -> connector.read("calls", Set.of(), List.of("1 OR 1=1"))).hasMessageContaining("not a HubSpot record id");
        }
    }

    @Test
    void backfillInterruptedBetweenPagesResumesToTheSameValues() throws Exception {
        var from = LocalDate.of(2026, 2, 15);
        var to = LocalDate.of(2026, 3, 1);
        var plan = fixture.backfill.plan(fixture.integrationId, from, to);
        assertThat(plan.records()).isGreaterThan(300);
        assertThat(plan.apiCalls()).isGreaterThan(plan.records() / 200);

        var crash = new IllegalStateException("simulated kill -9 after the second committed page");
        var crashing = new ProgressListener() {
            int pages;

            @Override
            public void started(String objectType, long expectedRecords) {
            }

            @Override
            public void advanced(long records) {
                if (++pages == 2) {
                    throw crash;
                }
            }

            @Override
            public void finished() {
            }
        };
        assertThatThrownBy(() -> fixture.backfill.run(fixture.integrationId, from, to, false, crashing)).isSameAs(crash);
        var interrupted = fixture.runs.recent(fixture.organization.id(), fixture.integrationId, 1).getFirst();
        assertThat(interrupted.status()).isEqualTo(SyncStatus.RUNNING);
        // Two pages of at most 200 (records sharing a page's last timestamp wait for the next page).
        assertThat(interrupted.recordsRead()).isBetween(300L, 400L);

        var resumed = fixture.backfill.resume(interrupted.id(), fixture.integrationId, ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(resumed.recordsRead()).isGreaterThanOrEqualTo(plan.records());
        assertThat(new CheckpointStore(fixture.transactions).load(fixture.organization.id(), fixture.integrationId, "calls",
                CheckpointStore.LIVE)).as("a backfill never moves the live cursor").isEmpty();

        // The window's facts equal the dump's (facts dated outside the window are not compared).
        fixture.sims.dump(dump);
        var zone = fixture.organization.timezone();
        var expected = new TreeMap<>(expectedFromDump());
        expected.keySet().removeIf(key -> {
            var date = LocalDate.parse(key.substring(key.lastIndexOf(' ') + 1));
            return date.isBefore(from) || date.isAfter(to);
        });
        var actual = new TreeMap<>(kpiValues());
        actual.keySet().removeIf(key -> !expected.containsKey(key));
        assertThat(actual).isEqualTo(expected);
        assertThat(zone).isNotNull();
    }

    private static String id(io.scoreline.sim.data.Activity activity) {
        return Long.toString(io.scoreline.sim.hubspot.HubSpotObjectType.of(activity.meta().kind()).id(activity.meta().index()));
    }

    /** "email kpi date" → value, from the database. */
    private Map<String, BigDecimal> kpiValues() {
        return KpiTruth.stored(fixture.transactions, fixture.organization.id());
    }

    /** The same rules applied to the dump by the evaluator alone: no connector, no database. */
    private Map<String, BigDecimal> expectedFromDump() {
        return KpiTruth.fromDump(dump, Provider.HUBSPOT, rules, fixture.organization.timezone());
    }
}
