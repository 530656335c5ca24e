package io.scoreline.pipeline.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronTrigger;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The integration jobs in Quartz's shared job store: reads them and applies schedule changes. */
final class ScheduleStore {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleStore.class);

    private final Scheduler scheduler;
    private final Clock clock;

    ScheduleStore(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    Optional<ExistingSchedule> find(long integrationId) {
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
            return Optional.of(new ExistingSchedule(
                    integrationId,
                    cron,
                    paused,
                    Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant)));
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("read the schedule of integration " + integrationId, e);
        }
    }

    List<ExistingSchedule> all() {
        try {
            var schedules = new ArrayList<ExistingSchedule>();
            for (var key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SyncJobs.GROUP))) {
                SyncJobs.integrationId(key).ifPresent(id -> find(id).ifPresent(schedules::add));
            }
            return List.copyOf(schedules);
        } catch (SchedulerException e) {
            throw SchedulerFailures.of("list scheduled integrations", e);
        }
    }

    /** Applies one change; false when another node had already made it. */
    boolean apply(ScheduleChange change) {
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
            scheduler.scheduleJob(
                    SyncJobs.job(added.schedule()),
                    SyncJobs.trigger(added.schedule(), added.cronExpression(), clock.instant()));
            return true;
        } catch (ObjectAlreadyExistsException e) {
            // Another node reconciling at the same moment added it first; its trigger is as good.
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
}
