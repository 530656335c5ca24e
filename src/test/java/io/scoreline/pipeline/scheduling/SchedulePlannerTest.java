package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulePlannerTest {

    private static final SyncCadence FIVE_MINUTES = SyncCadence.every(Duration.ofMinutes(5));
    private final SchedulePlanner planner = new SchedulePlanner(FIVE_MINUTES);

    @Test
    void bringsTheStoreInLineWithTheDirectory() {
        var wanted = List.of(
                schedule(1, IntegrationStatus.ACTIVE, 3), // new
                schedule(2, IntegrationStatus.ACTIVE, 3), // in line
                schedule(3, IntegrationStatus.PAUSED, 3), // running, now paused
                schedule(4, IntegrationStatus.NEEDS_REAUTH, 3), // running, credentials refused
                schedule(5, IntegrationStatus.ACTIVE, 3), // paused, active again
                schedule(6, IntegrationStatus.ACTIVE, 4), // minute moved
                schedule(7, IntegrationStatus.PAUSED, 3)); // paused, never scheduled
        var existing = List.of(
                existing(2, 3, false),
                existing(3, 3, false),
                existing(4, 3, false),
                existing(5, 3, true),
                existing(6, 3, false),
                existing(8, 3, false));

        assertThat(planner.plan(wanted, existing))
                .containsExactly(
                        new ScheduleChange.Added(wanted.get(0), "0 3/5 * * * ?"),
                        new ScheduleChange.Paused(3),
                        new ScheduleChange.Paused(4),
                        new ScheduleChange.Resumed(5),
                        new ScheduleChange.Rescheduled(wanted.get(5), "0 4/5 * * * ?"),
                        new ScheduleChange.Removed(8));
    }

    @Test
    void aNewCadenceReschedulesEveryActiveIntegration() {
        var hourly = new SchedulePlanner(SyncCadence.HOURLY);
        var active = schedule(1, IntegrationStatus.ACTIVE, 12);

        assertThat(hourly.plan(active, Optional.of(existing(1, 12, false))))
                .containsExactly(new ScheduleChange.Rescheduled(active, "0 12 * * * ?"));
    }

    @Test
    void aPausedIntegrationKeepsItsPausedTriggerAsItIs() {
        assertThat(planner.plan(schedule(1, IntegrationStatus.PAUSED, 12), Optional.of(existing(1, 40, true))))
                .isEmpty();
    }

    private static IntegrationSchedule schedule(long id, IntegrationStatus status, int minute) {
        return new IntegrationSchedule(id, 100 + id, status, minute);
    }

    private ExistingSchedule existing(long id, int minute, boolean paused) {
        return new ExistingSchedule(id, FIVE_MINUTES.cronExpression(minute), paused, Optional.empty());
    }
}
