package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A completed backfill that reaches the present starts the live cursor where it ended (ADR 0025);
 * how the first sync after it reads only what changed since is part of {@link CrmSyncContract}, for
 * both CRMs. Here, against the Salesforce simulator: what the hand-over leaves alone, and that it
 * commits with the run's success or not at all.
 */
class BackfillHandOverIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final SyncSettings SMALL_PAGES =
            new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 200, 0.5);

    @Test
    void anExistingLiveCursorIsNotMovedAndABackfillEndingInThePastHandsNothingOver() {
        var clock = new TestClock(NOW);
        try (var fixture = new SalesforceSyncFixture(simulator(11), clock, SMALL_PAGES)) {
            var past = fixture.backfill.run(
                    fixture.integrationId, FROM, LocalDate.of(2026, 2, 15), false, ProgressListener.none());
            assertThat(past.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.checkpoints()
                            .load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .as("a backfill that ends before today leaves the live sync its initial window")
                    .isEmpty();

            var first = fixture.sync.sync(fixture.integrationId, SyncTrigger.SCHEDULE);
            assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
            var live = fixture.checkpoints()
                    .load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE)
                    .orElseThrow();
            clock.advance(Duration.ofHours(1));
            var toNow = fixture.backfill.run(fixture.integrationId, FROM, TODAY, false, ProgressListener.none());
            assertThat(toNow.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.checkpoints()
                            .load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
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
            assertThat(fixture.checkpoints()
                            .load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .isEmpty();
            assertThat(committedStatuses(fixture, failed.runId()))
                    .as("the run was never committed as succeeded without its live cursors")
                    .containsExactly("failed");

            asOwner(fixture, "drop trigger refuse_live_cursor on sync_checkpoints");
            var resumed = fixture.backfill.resume(failed.runId(), fixture.integrationId, ProgressListener.none());
            assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertLiveCursorsStarted(
                    fixture.checkpoints(),
                    fixture.organization,
                    fixture.integrationId,
                    Set.of("Task", "Event", "Opportunity"),
                    failed.runId());
        }
    }

    private static void asOwner(SalesforceSyncFixture fixture, String sql) throws java.sql.SQLException {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static java.util.List<String> committedStatuses(SalesforceSyncFixture fixture, long runId)
            throws java.sql.SQLException {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement =
                        connection.prepareStatement("select status from run_statuses_committed where run_id = ?")) {
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

    private static void assertLiveCursorsStarted(
            CheckpointStore checkpoints,
            Organization organization,
            long integrationId,
            Set<String> objects,
            long backfillRunId) {
        for (var object : objects) {
            var live = checkpoints.load(organization.id(), integrationId, object, CheckpointStore.LIVE);
            assertThat(live).as("live cursor of " + object).isPresent();
            assertThat(live.get().modstamp()).isBeforeOrEqualTo(NOW);
            checkpoints
                    .load(organization.id(), integrationId, object, CheckpointStore.backfillScope(backfillRunId))
                    .ifPresent(ended -> assertThat(live)
                            .as(object + " starts where the backfill ended")
                            .contains(ended));
        }
    }
}
