package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Provider;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.testing.KpiTruth;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Salesforce path end to end against the simulator through the real Camel component: the
 * KPI values after a sync equal what an independent evaluation of the simulator's ground-truth
 * dump gives, and syncing again changes nothing.
 */
class SalesforceSyncContractIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path dump;

    private SalesforceSyncFixture fixture;
    private RunningSimulators sims;
    private SyncService sync;
    private BackfillService backfill;
    private SyncRunStore runs;
    private Organization organization;
    private long integrationId;
    private RuleSet rules;
    private TenantTransactions transactions;

    @BeforeEach
    void start() {
        // Small backfill pages so that a backfill spans several transactions and can be interrupted between them.
        fixture = new SalesforceSyncFixture(SimulatorOptions.defaults().withSeed(11).withVolume(4, 12)
                .withLastDay(LocalDate.of(2026, 3, 1)), Clock.fixed(NOW, ZoneOffset.UTC),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5));
        sims = fixture.sims;
        sync = fixture.sync;
        backfill = fixture.backfill;
        runs = fixture.runs;
        organization = fixture.organization;
        integrationId = fixture.integrationId;
        transactions = fixture.transactions;
        rules = ((CompileResult.Compiled) MappingCompiler.compile(SalesforceSyncFixture.stockRules(),
                FieldCatalog.stock(Provider.SALESFORCE))).ruleSet();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fullSyncMatchesTheGroundTruthAndASecondSyncChangesNothing() throws Exception {
        var first = sync.sync(integrationId, SyncTrigger.MANUAL);
        assertThat(first.status()).as(first.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(first.recordsRead()).isGreaterThan(500);
        assertThat(first.apiCalls()).isGreaterThan(0);

        sims.dump(dump);
        assertThat(kpiValues()).isEqualTo(expectedFromDump());

        var second = sync.sync(integrationId, SyncTrigger.MANUAL);
        assertThat(second.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(second.factsChanged()).isZero();
        assertThat(kpiValues()).isEqualTo(expectedFromDump());
    }

    @Test
    void readByIdReturnsTheCurrentStateOfKnownRecordsAndLeavesUnknownIdsOut() throws Exception {
        sync.sync(integrationId, SyncTrigger.MANUAL);
        var stored = transactions.inOrganization(organization.id(), tx -> tx.select(CRM_RECORDS.RECORD_ID).from(CRM_RECORDS)
                .where(CRM_RECORDS.OBJECT_TYPE.eq("Task")).orderBy(CRM_RECORDS.RECORD_ID).limit(250)
                .fetch(CRM_RECORDS.RECORD_ID));
        var ids = new java.util.ArrayList<>(stored);
        // More than 2,000 ids in all, as a coalesced inbox batch may name: ids Salesforce does not know fill it up.
        for (int i = 0; ids.size() < 2_001; i++) {
            ids.add(String.format("00T9%011dAAA", i));
        }
        try (var connector = fixture.openConnector()) {
            long before = connector.apiCalls();
            var read = connector.read("Task", java.util.Set.of("OwnerId", "Status"), ids);
            assertThat(read).extracting(r -> r.recordId()).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(read).allSatisfy(r -> assertThat(r.fields()).containsKeys("OwnerId", "Status"));
            // 2,001 ids are eleven statements of at most 200 ids each (a statement's URI must stay under 16,384 bytes).
            assertThat(connector.apiCalls() - before).isEqualTo(11);
            assertThatThrownBy(() -> connector.read("Task", java.util.Set.of(), List.of("x' OR Id != '")))
                    .hasMessageContaining("not a Salesforce record id");
        }
    }

    @Test
    void backfillInterruptedBetweenPagesResumesToTheSameValues() throws Exception {
        var from = LocalDate.of(2026, 2, 1);
        var to = LocalDate.of(2026, 3, 1);
        var plan = backfill.plan(integrationId, from, to);
        assertThat(plan.records()).isGreaterThan(500);
        assertThat(plan.apiCalls()).isGreaterThan(plan.objects().size());

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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backfill.run(integrationId, from, to, false, crashing)).isSameAs(crash);
        var interrupted = runs.recent(organization.id(), integrationId, 1).getFirst();
        assertThat(interrupted.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(interrupted.recordsRead()).isEqualTo(400);

        var resumed = backfill.resume(interrupted.id(), integrationId, ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(resumed.recordsRead()).isGreaterThanOrEqualTo(plan.records());

        sims.dump(dump);
        assertThat(kpiValues()).isEqualTo(expectedFromDump());
        var liveCursors = new CheckpointStore(transactions).load(organization.id(), integrationId, "Task", CheckpointStore.LIVE);
        assertThat(liveCursors).as("a backfill never moves the live cursor").isEmpty();
        int backfillOrigin = transactions.inOrganization(organization.id(), tx -> tx.fetchCount(
                org.jooq.impl.DSL.table("kpi_changes"), org.jooq.impl.DSL.field("origin").eq("backfill")));
        int total = transactions.inOrganization(organization.id(), tx -> tx.fetchCount(org.jooq.impl.DSL.table("kpi_changes")));
        assertThat(backfillOrigin).isEqualTo(total).isPositive();
    }

    @Test
    void aPageFailingWhileTheNextIsInFlightLeavesTheCheckpointAtTheLastCommittedPage() throws Exception {
        var from = LocalDate.of(2026, 2, 1);
        var to = LocalDate.of(2026, 3, 1);
        // A real failure inside the third Task page's transaction: the 401st Task row the
        // pipeline inserts raises. Pages lock and write their records in page order, so it is
        // always the third page, while the second may still be committing beside it.
        asOwner("""
                create sequence task_rows;
                create function fail_third_page() returns trigger language plpgsql security definer as $$
                begin
                    if new.object_type = 'Task' and nextval('task_rows') > 400 then
                        raise exception 'injected failure in the third Task page';
                    end if;
                    return new;
                end $$;
                create trigger fail_third_page before insert on crm_records for each row execute function fail_third_page()""");

        var failed = backfill.run(integrationId, from, to, false, ProgressListener.none());

        assertThat(failed.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.message()).hasValueSatisfying(m -> assertThat(m).contains("injected failure"));
        assertThat(ObjectPump.PAGES_IN_FLIGHT).as("the case this test is about").isGreaterThan(1);
        var storedTasks = transactions.inOrganization(organization.id(), tx -> tx.fetch(
                "select record_id, modstamp from crm_records where object_type = 'Task' order by modstamp desc, record_id desc"));
        assertThat(storedTasks).as("pages one and two committed, three and four did not").hasSize(400);
        var checkpoint = new CheckpointStore(transactions).load(organization.id(), integrationId, "Task",
                CheckpointStore.backfillScope(failed.runId())).orElseThrow();
        assertThat(checkpoint.recordId()).as("the checkpoint is the last record of page two")
                .isEqualTo(storedTasks.getFirst().get(0, String.class));

        asOwner("drop trigger fail_third_page on crm_records");
        var resumed = backfill.resume(failed.runId(), integrationId, ProgressListener.none());
        assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        sims.dump(dump);
        assertThat(kpiValues()).isEqualTo(expectedFromDump());
    }

    private void asOwner(String sql) throws java.sql.SQLException {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** "email kpi date" → value, from the database. */
    private Map<String, BigDecimal> kpiValues() {
        return KpiTruth.stored(transactions, organization.id());
    }

    /** The same rules applied to the dump by the evaluator alone: no connector, no database. */
    private Map<String, BigDecimal> expectedFromDump() {
        return KpiTruth.fromDump(dump, Provider.SALESFORCE, rules, organization.timezone());
    }
}
