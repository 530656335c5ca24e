package io.scoreline.pipeline.scheduling;

import io.scoreline.connectors.spi.ScorelineException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronTrigger;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
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
    private final IntegrationDirectory directory;
    private final SchedulePlanner planner;
    private final Clock clock;

    private IntegrationScheduler(Scheduler scheduler, IntegrationDirectory directory, SyncCadence cadence, Clock clock) {
        this.scheduler = scheduler;
        this.directory = directory;
        this.planner = new SchedulePlanner(cadence);
        this.clock = clock;
    }

    /**
     * A scheduler node on {@code dataSource} (the runtime pool; its connections need the V3
     * Quartz tables). Fires call {@code launcher} on this node's threads; {@code clock} dates new
     * triggers, so a trigger created "in the past" sees its missed fires as misfires.
     */
    public static IntegrationScheduler create(SchedulerSettings settings, DataSource dataSource, IntegrationDirectory directory,
            ScheduledSyncLauncher launcher, Clock clock) {
        var scheduler = newQuartzScheduler(settings, dataSource);
        try {
            scheduler.getContext().put(IntegrationSyncJob.LAUNCHER, launcher);
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("set up the scheduler", e);
        }
        return new IntegrationScheduler(scheduler, directory, settings.cadence(), clock);
    }

    private static Scheduler newQuartzScheduler(SchedulerSettings settings, DataSource dataSource) {
        // Quartz finds job-store connections by name in a JVM-wide registry.
        var dataSourceName = "scoreline-scheduler-" + UUID.randomUUID();
        var provider = new DataSourceConnectionProvider(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, provider);
        var repository = SchedulerRepository.getInstance();
        // Quartz also keeps one scheduler per name JVM-wide and hands out the existing one, but all
        // nodes of a cluster share their name, and tests run two nodes in one JVM. Each node is
        // created and taken out of that repository under its lock, so none is ever shared.
        synchronized (repository) {
            try {
                var scheduler = new StdSchedulerFactory(QuartzConfiguration.properties(settings, dataSourceName)).getScheduler();
                repository.remove(settings.clusterName());
                return scheduler;
            } catch (SchedulerException e) {
                provider.shutdown();
                throw SchedulerFailures.of("create the scheduler", e);
            }
        }
    }

    /** This node's id in the cluster. */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("read the scheduler instance id", e);
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
        return changes.stream().filter(this::apply).toList();
    }

    /**
     * Makes one integration's job match the directory: for the CLI after it adds or removes an
     * integration, without reading every other one.
     */
    public synchronized List<ScheduleChange> reconcile(long integrationId) {
        var wanted = directory.find(integrationId);
        var existing = schedule(integrationId);
        var changes = wanted.isPresent()
                ? planner.plan(wanted.get(), existing)
                : existing.<List<ScheduleChange>>map(gone -> List.of(new ScheduleChange.Removed(integrationId))).orElse(List.of());
        return changes.stream().filter(this::apply).toList();
    }

    /** Stops an integration's fires on every node; a run already going finishes. */
    public synchronized Optional<ScheduleChange> pause(long integrationId) {
        var existing = schedule(integrationId);
        if (existing.isEmpty() || existing.get().paused()) {
            return Optional.empty();
        }
        var change = new ScheduleChange.Paused(integrationId);
        return apply(change) ? Optional.of(change) : Optional.empty();
    }

    /**
     * Lets an integration fire again, scheduling it if it never was. Call after setting it
     * active: the directory supplies its organization and minute.
     */
    public synchronized Optional<ScheduleChange> resume(long integrationId) {
        var wanted = directory.find(integrationId)
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
        if (!wanted.fires()) {
            throw ScorelineException.conflict("integration " + integrationId + " is " + wanted.status().key()
                    + ": make it active before resuming its schedule");
        }
        return planner.plan(wanted, schedule(integrationId)).stream().filter(this::apply).findFirst();
    }

    /** An integration's job as the shared job store holds it; empty if it has none. */
    public Optional<ExistingSchedule> schedule(long integrationId) {
        try {
            if (!scheduler.checkExists(SyncJobs.jobKey(integrationId))) {
                return Optional.empty();
            }
            var triggerKey = SyncJobs.triggerKey(integrationId);
            var trigger = scheduler.getTrigger(triggerKey);
            if (trigger == null) {
                // A job without its trigger never fires; counting it as paused lets reconcile
                // give an active integration a fresh trigger and leave an inactive one alone.
                return Optional.of(new ExistingSchedule(integrationId, "", true, Optional.empty()));
            }
            var cron = trigger instanceof CronTrigger cronTrigger ? cronTrigger.getCronExpression() : "";
            var paused = scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
            return Optional.of(new ExistingSchedule(integrationId, cron, paused,
                    Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant)));
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("read the schedule of integration " + integrationId, e);
        }
    }

    /** Every integration job in the shared job store. */
    public List<ExistingSchedule> schedules() {
        try {
            var schedules = new ArrayList<ExistingSchedule>();
            for (var key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SyncJobs.GROUP))) {
                SyncJobs.integrationId(key).ifPresent(id -> schedule(id).ifPresent(schedules::add));
            }
            return List.copyOf(schedules);
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("list scheduled integrations", e);
        }
    }

    /** Applies one change; false when another node had already made it. */
    private boolean apply(ScheduleChange change) {
        try {
            boolean applied = switch (change) {
                case ScheduleChange.Added added -> add(added);
                case ScheduleChange.Rescheduled rescheduled -> reschedule(rescheduled);
                case ScheduleChange.Paused paused -> {
                    scheduler.pauseTrigger(SyncJobs.triggerKey(paused.integrationId()));
                    yield true;
                }
                case ScheduleChange.Resumed resumed -> {
                    scheduler.resumeTrigger(SyncJobs.triggerKey(resumed.integrationId()));
                    yield true;
                }
                case ScheduleChange.Removed removed -> scheduler.deleteJob(SyncJobs.jobKey(removed.integrationId()));
            };
            if (applied) {
                LOG.info("Schedule of integration {}: {}", change.integrationId(), describe(change));
            }
            return applied;
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("change the schedule of integration " + change.integrationId(), e);
        }
    }

    private boolean add(ScheduleChange.Added added) throws SchedulerException {
        try {
            scheduler.scheduleJob(SyncJobs.job(added.schedule()),
                    SyncJobs.trigger(added.schedule(), added.cronExpression(), clock.instant()));
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return false;
        }
    }

    private boolean reschedule(ScheduleChange.Rescheduled rescheduled) throws SchedulerException {
        var schedule = rescheduled.schedule();
        var trigger = SyncJobs.trigger(schedule, rescheduled.cronExpression(), clock.instant());
        if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
            scheduler.scheduleJob(SyncJobs.job(schedule), Set.of(trigger), true);
        }
        return true;
    }

    private static String describe(ScheduleChange change) {
        return switch (change) {
            case ScheduleChange.Added added -> "scheduled (" + added.cronExpression() + " UTC)";
            case ScheduleChange.Rescheduled rescheduled -> "rescheduled (" + rescheduled.cronExpression() + " UTC)";
            case ScheduleChange.Paused paused -> "paused";
            case ScheduleChange.Resumed resumed -> "resumed";
            case ScheduleChange.Removed removed -> "removed";
        };
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
