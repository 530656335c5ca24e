package io.scoreline.pipeline.scheduling;

import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduler nodes on one test database, each with its own connection pool as separate
 * {@code scoreline serve} processes would have. Closes them all, nodes before pools.
 */
final class SchedulerNodes implements AutoCloseable {

    static final SyncCadence EVERY_SECOND = SyncCadence.every(Duration.ofSeconds(1));

    private final DatabaseRuntime database;
    private final List<IntegrationScheduler> schedulers = new ArrayList<>();
    private final List<DatabaseRuntime> pools = new ArrayList<>();
    private final List<RecordingLauncher> launchers = new ArrayList<>();

    SchedulerNodes(DatabaseRuntime database) {
        this.database = database;
    }

    /** Quick cluster timings, one-second syncs. */
    static SchedulerSettings fastSettings(String instanceId) {
        return SchedulerSettings.defaults()
                .withInstanceId(instanceId)
                .withClusterCheckinInterval(Duration.ofSeconds(1))
                .withPollInterval(Duration.ofSeconds(1))
                .withCadence(EVERY_SECOND);
    }

    /** A node with a connection pool of its own on the shared database. */
    IntegrationScheduler node(SchedulerSettings settings, ScheduledSyncLauncher launcher, Clock clock) {
        var pool = DatabaseRuntime.open(TestPostgres.settingsFor(database.ownerEndpoint()));
        pools.add(pool);
        if (launcher instanceof RecordingLauncher recording) {
            launchers.add(recording);
        }
        var scheduler = IntegrationScheduler.create(
                settings,
                pool.dataSource(),
                new IntegrationDirectory(new TenantTransactions(pool.dsl())),
                launcher,
                clock);
        schedulers.add(scheduler);
        return scheduler;
    }

    IntegrationScheduler node(String instanceId, ScheduledSyncLauncher launcher) {
        return node(fastSettings(instanceId), launcher, Clock.systemUTC());
    }

    @Override
    public void close() {
        // Closing waits for running syncs: let held ones end, or a failed test waits for them.
        launchers.forEach(RecordingLauncher::release);
        schedulers.forEach(IntegrationScheduler::close);
        pools.forEach(DatabaseRuntime::close);
    }
}
