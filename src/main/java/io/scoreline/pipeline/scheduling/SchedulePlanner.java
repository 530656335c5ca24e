package io.scoreline.pipeline.scheduling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which changes make the job store match the directory. Pure, so that the decisions can
 * be read and tested apart from Quartz.
 *
 * <p>Paused and needs_reauth integrations keep their job with a paused trigger rather than being
 * unscheduled: every node sees the pause in the shared store, pausing needs nothing but the
 * integration id, and a resumed trigger whose fire passed while paused runs once right away (the
 * misfire rule) instead of leaving the data stale for up to another hour. An inactive integration
 * without a job gets none until it becomes active.
 */
final class SchedulePlanner {

    private final SyncCadence cadence;

    SchedulePlanner(SyncCadence cadence) {
        this.cadence = cadence;
    }

    List<ScheduleChange> plan(Collection<IntegrationSchedule> wanted, Collection<ExistingSchedule> existing) {
        Map<Long, ExistingSchedule> byId =
                existing.stream().collect(Collectors.toMap(ExistingSchedule::integrationId, Function.identity()));
        var changes = new ArrayList<ScheduleChange>();
        for (var schedule : wanted) {
            changes.addAll(plan(schedule, Optional.ofNullable(byId.remove(schedule.integrationId()))));
        }
        byId.keySet().stream().sorted().forEach(id -> changes.add(new ScheduleChange.Removed(id)));
        changes.sort(Comparator.comparingLong(ScheduleChange::integrationId));
        return List.copyOf(changes);
    }

    List<ScheduleChange> plan(IntegrationSchedule schedule, Optional<ExistingSchedule> existing) {
        if (!schedule.fires()) {
            // A stale cron on a paused trigger waits until the integration fires again: rewriting
            // it now would let the new trigger fire in the moment before it is paused.
            return existing.filter(current -> !current.paused())
                    .<List<ScheduleChange>>map(current -> List.of(new ScheduleChange.Paused(schedule.integrationId())))
                    .orElse(List.of());
        }
        var cron = cadence.cronExpression(schedule.scheduleMinute());
        if (existing.isEmpty()) {
            return List.of(new ScheduleChange.Added(schedule, cron));
        }
        var current = existing.get();
        if (!current.cronExpression().equals(cron)) {
            return List.of(new ScheduleChange.Rescheduled(schedule, cron));
        }
        if (current.paused()) {
            return List.of(new ScheduleChange.Resumed(schedule.integrationId()));
        }
        return List.of();
    }
}
