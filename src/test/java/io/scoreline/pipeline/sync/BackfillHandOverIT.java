package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Provider;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.testing.KpiTruth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed backfill that reaches the present starts the live cursor where it ended (ADR 0025):
 * the first sync after it reads only what changed since, and a record modified while the backfill
 * ran is still read, for both CRMs against their simulators.
 */
class BackfillHandOverIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final SyncSettings SMALL_PAGES = new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5);

    @TempDir
    Path dump;

    @Test
    void salesforceSyncAfterABackfillToNowReadsOnlyWhatChangedSince() throws Exception {
        var clock = new TestClock(NOW);
        try (var fixture = new SalesforceSyncFixture(simulator(11), clock, SMALL_PAGES)) {
            var backfill = fixture.backfill.run(fixture.integrationId, FROM, TODAY, false,
                    editACallDuringTheBackfill(fixture.sims.dataset(), clock));
            assertThat(backfill.status()).as(backfill.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var objects = Set.of("Task", "Event", "Opportunity");
            assertLiveCursorsStarted(fixture.checkpoints(), fixture.organization, fixture.integrationId, objects, backfill.runId());

            var sync = fixture.sync.sync(fixture.integrationId, SyncTrigger.SCHEDULE);

            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(backfill.recordsRead()).isGreaterThan(1_000);
            assertThat(sync.recordsRead()).as("the edited call and the records within the lookback of the backfill's end")
                    .isPositive().isLessThan(backfill.recordsRead() / 20);
            assertThat(sync.apiCalls()).as("one query page and one getDeleted per object").isLessThanOrEqualTo(2 * objects.size());
            assertThat(sync.factsChanged()).as("the call edited during the backfill").isPositive();
            fixture.sims.dump(dump);
            assertThat(KpiTruth.stored(fixture.transactions, fixture.organization.id()))
                    .isEqualTo(KpiTruth.fromDump(dump, Provider.SALESFORCE, rules(SalesforceSyncFixture.stockRules(), Provider.SALESFORCE),
                            fixture.organization.timezone()));
        }
    }

    @Test
    void hubSpotSyncAfterABackfillToNowReadsOnlyWhatChangedSince() throws Exception {
        var clock = HubSpotSyncFixture.tickingFrom(NOW);
        try (var fixture = new HubSpotSyncFixture(simulator(13), clock, SMALL_PAGES)) {
            var backfill = fixture.backfill.run(fixture.integrationId, FROM, TODAY, false,
                    editACallDuringTheBackfill(fixture.sims.dataset(), clock));
            assertThat(backfill.status()).as(backfill.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var objects = Set.of("calls", "emails", "meetings", "tasks", "deals");
            assertLiveCursorsStarted(fixture.checkpoints(), fixture.organization, fixture.integrationId, objects, backfill.runId());

            var sync = fixture.sync.sync(fixture.integrationId, SyncTrigger.SCHEDULE);

            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(backfill.recordsRead()).isGreaterThan(1_000);
            assertThat(sync.recordsRead()).as("the edited call and the records within the lookback of the backfill's end")
                    .isPositive().isLessThan(backfill.recordsRead() / 20);
            assertThat(sync.factsChanged()).as("the call edited during the backfill").isPositive();
            fixture.sims.dump(dump);
            assertThat(KpiTruth.stored(fixture.transactions, fixture.organization.id()))
                    .isEqualTo(KpiTruth.fromDump(dump, Provider.HUBSPOT, rules(HubSpotSyncFixture.stockRules(), Provider.HUBSPOT),
                            fixture.organization.timezone()));
        }
    }

    @Test
    void anExistingLiveCursorIsNotMovedAndABackfillEndingInThePastHandsNothingOver() {
        var clock = new TestClock(NOW);
        try (var fixture = new SalesforceSyncFixture(simulator(11), clock, SMALL_PAGES)) {
            var past = fixture.backfill.run(fixture.integrationId, FROM, LocalDate.of(2026, 2, 15), false, ProgressListener.none());
            assertThat(past.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.checkpoints().load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .as("a backfill that ends before today leaves the live sync its initial window").isEmpty();

            var first = fixture.sync.sync(fixture.integrationId, SyncTrigger.SCHEDULE);
            assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
            var live = fixture.checkpoints().load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE)
                    .orElseThrow();
            clock.advance(Duration.ofHours(1));
            var toNow = fixture.backfill.run(fixture.integrationId, FROM, TODAY, false, ProgressListener.none());
            assertThat(toNow.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.checkpoints().load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .contains(live);
        }
    }

    @Test
    void theHandOverCommitsWithTheRunsSuccessOrNotAtAll() throws Exception {
        try (var fixture = new SalesforceSyncFixture(simulator(11), new TestClock(NOW), SMALL_PAGES)) {
            asOwner(fixture, """
                    create function refuse_live_cursor() returns trigger language plpgsql security definer as $$
                    begin
                        if new.scope = 'live' then
                            raise exception 'injected failure while starting the live cursor';
                        end if;
                        return new;
                    end $$;
                    create trigger refuse_live_cursor before insert on sync_checkpoints
                        for each row execute function refuse_live_cursor();
                    create table run_statuses_committed (run_id bigint, status varchar);
                    create function remember_run_status() returns trigger language plpgsql security definer as $$
                    begin
                        insert into run_statuses_committed values (new.id, new.status);
                        return new;
                    end $$;
                    create trigger remember_run_status after update of status on sync_runs
                        for each row execute function remember_run_status()""");

            var failed = fixture.backfill.run(fixture.integrationId, FROM, TODAY, false, ProgressListener.none());

            assertThat(failed.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(failed.message()).hasValueSatisfying(m -> assertThat(m).contains("injected failure"));
            assertThat(fixture.checkpoints().load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .isEmpty();
            assertThat(committedStatuses(fixture, failed.runId()))
                    .as("the run was never committed as succeeded without its live cursors").containsExactly("failed");

            asOwner(fixture, "drop trigger refuse_live_cursor on sync_checkpoints");
            var resumed = fixture.backfill.resume(failed.runId(), fixture.integrationId, ProgressListener.none());
            assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertLiveCursorsStarted(fixture.checkpoints(), fixture.organization, fixture.integrationId,
                    Set.of("Task", "Event", "Opportunity"), failed.runId());
        }
    }

    private static void asOwner(SalesforceSyncFixture fixture, String sql) throws java.sql.SQLException {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static java.util.List<String> committedStatuses(SalesforceSyncFixture fixture, long runId) throws java.sql.SQLException {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.prepareStatement("select status from run_statuses_committed where run_id = ?")) {
            statement.setLong(1, runId);
            var statuses = new java.util.ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }
    }

    private static SimulatorOptions simulator(long seed) {
        return SimulatorOptions.defaults().withSeed(seed).withVolume(4, 12).withLastDay(LocalDate.of(2026, 3, 1));
    }

    /**
     * After the backfill's first committed page, a minute later, the oldest live call changes
     * outcome and duration: modified after the backfill's window ended, so only a sync can read it.
     */
    private static ProgressListener editACallDuringTheBackfill(SyntheticDataset dataset, Clock clock) {
        var edited = new AtomicBoolean();
        return new ProgressListener() {
            @Override
            public void started(String objectType, long expectedRecords) {
            }

            @Override
            public void advanced(long records) {
                if (edited.compareAndSet(false, true)) {
                    if (clock instanceof TestClock test) {
                        test.advance(Duration.ofMinutes(1));
                    }
                    var call = (Activity.Call) dataset.stream(ActivityKind.CALL).filter(a -> !a.meta().deleted()).findFirst().orElseThrow();
                    var outcome = Arrays.stream(CallOutcome.values()).filter(o -> o.connected() != call.outcome().connected())
                            .findFirst().orElseThrow();
                    dataset.update(new Activity.Call(call.meta().modified(clock.instant()), call.subject(), call.outbound(),
                            call.durationSeconds() + 600, outcome));
                }
            }

            @Override
            public void finished() {
            }
        };
    }

    private static void assertLiveCursorsStarted(CheckpointStore checkpoints, Organization organization, long integrationId,
            Set<String> objects, long backfillRunId) {
        for (var object : objects) {
            var live = checkpoints.load(organization.id(), integrationId, object, CheckpointStore.LIVE);
            assertThat(live).as("live cursor of " + object).isPresent();
            assertThat(live.get().modstamp()).isBeforeOrEqualTo(NOW);
            checkpoints.load(organization.id(), integrationId, object, CheckpointStore.backfillScope(backfillRunId))
                    .ifPresent(ended -> assertThat(live).as(object + " starts where the backfill ended").contains(ended));
        }
    }

    private static io.scoreline.mappings.RuleSet rules(String document, Provider provider) {
        return ((CompileResult.Compiled) MappingCompiler.compile(document, FieldCatalog.stock(provider))).ruleSet();
    }
}
