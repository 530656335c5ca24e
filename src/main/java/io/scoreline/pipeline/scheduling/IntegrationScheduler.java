package io.scoreline.pipeline.scheduling;

import io.scoreline.failure.ScorelineException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's member of the Quartz cluster that runs scheduled syncs: one job per integration in
 * the job store on the application database, fired by whichever node claims it first.
 *
 * <p>Created in standby: a CLI process can pause, resume and reconcile without ever firing a
 * job; {@code scoreline serve} calls {@link #start()}. {@link #close()} waits for running syncs.
 */
public final class IntegrationScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationScheduler.class);

    private final Scheduler scheduler;
    private final ScheduleStore store;
    private final IntegrationDirectory directory;
    private final SchedulePlanner planner;

    private IntegrationScheduler(
            Scheduler scheduler, IntegrationDirectory directory, SyncCadence cadence, Clock clock) {
        this.scheduler = scheduler;
        this.store = new ScheduleStore(scheduler, clock);
        this.directory = directory;
        this.planner = new SchedulePlanner(cadence);
    }

    /**
     * A scheduler node on {@code dataSource} (the runtime pool; its connections need the V3
     * Quartz tables). Fires call {@code launcher} on this node's threads. {@code clock} dates new
     * triggers: Quartz reads the wall clock for everything else, so this is the one place where a
     * test can set a schedule up in the past.
     */
    public static IntegrationScheduler create(
            SchedulerSettings settings,
            DataSource dataSource,
            IntegrationDirectory directory,
            ScheduledSyncLauncher launcher,
            Clock clock) {
        var scheduler = QuartzConfiguration.newScheduler(settings, dataSource);
        try {
            scheduler.getContext().put(IntegrationSyncJob.LAUNCHER, launcher);
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("set up the scheduler", e);
        }
        return new IntegrationScheduler(scheduler, directory, settings.cadence(), clock);
    }

    /** This node's id in the cluster. */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("read the scheduler instance id", e);
        }
    }

    /**
     * Lets this node's fires of the nightly formula-field refresh call {@code launcher}, and puts
     * the refresh's one job in the shared job store if it is not there yet (ADR 0035).
     */
    public synchronized void refreshFormulasNightly(FormulaRefreshLauncher launcher) {
        try {
            scheduler.getContext().put(FormulaRefreshJob.LAUNCHER, launcher);
            scheduler.getContext().put(FormulaRefreshJob.DIRECTORY, directory);
            if (!scheduler.checkExists(FormulaRefreshJob.KEY)) {
                scheduler.scheduleJob(FormulaRefreshJob.job(), java.util.Set.of(FormulaRefreshJob.trigger()), true);
            }
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("schedule the nightly formula refresh", e);
        }
    }

    /** Brings the job store in line with the directory, then lets this node fire jobs. */
    public synchronized void start() {
        reconcile();
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("start the scheduler", e);
        }
        LOG.info("Scheduler node {} started", instanceId());
    }

    /** Stops this node firing jobs (running ones finish); other nodes keep firing them. */
    public void standby() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("put the scheduler in standby", e);
        }
    }

    public boolean isFiring() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("read the scheduler state", e);
        }
    }

    /**
     * Makes the job store match the directory: active integrations scheduled and running, paused
     * and needs_reauth ones paused, removed ones deleted. Safe on several nodes at once.
     *
     * @return the changes this call made
     */
    public synchronized List<ScheduleChange> reconcile() {
        var changes = planner.plan(directory.all(), schedules());
        return changes.stream().filter(store::apply).toList();
    }

    /**
     * Makes one integration's job match the directory: for the CLI after it adds or removes an
     * integration, without reading every other one.
     */
    public synchronized List<ScheduleChange> reconcile(long integrationId) {
        var wanted = directory.find(integrationId);
        var existing = schedule(integrationId);
        List<ScheduleChange> changes;
        if (wanted.isPresent()) {
            changes = planner.plan(wanted.get(), existing);
        } else {
            changes = existing.isPresent() ? List.of(new ScheduleChange.Removed(integrationId)) : List.of();
        }
        return changes.stream().filter(store::apply).toList();
    }

    /** Stops an integration's fires on every node; a run already going finishes. */
    public synchronized Optional<ScheduleChange> pause(long integrationId) {
        var existing = schedule(integrationId);
        if (existing.isEmpty() || existing.get().paused()) {
            return Optional.empty();
        }
        var change = new ScheduleChange.Paused(integrationId);
        return store.apply(change) ? Optional.of(change) : Optional.empty();
    }

    /**
     * Lets an integration fire again, scheduling it if it never was. Call after setting it
     * active: the directory supplies its organization and minute.
     */
    public synchronized Optional<ScheduleChange> resume(long integrationId) {
        var wanted = directory
                .find(integrationId)
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        if (!wanted.fires()) {
            throw ScorelineException.conflict("integration " + integrationId + " is "
                    + wanted.status().key() + ": make it active before resuming its schedule");
        }
        return planner.plan(wanted, schedule(integrationId)).stream()
                .filter(store::apply)
                .findFirst();
    }

    /** An integration's job as the shared job store holds it; empty if it has none. */
    public Optional<ExistingSchedule> schedule(long integrationId) {
        return store.find(integrationId);
    }

    /** Every integration job in the shared job store. */
    public List<ExistingSchedule> schedules() {
        return store.all();
    }

    /** Stops firing and waits for this node's running syncs to finish. */
    @Override
    public void close() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("shut the scheduler down", e);
        }
    }
}
