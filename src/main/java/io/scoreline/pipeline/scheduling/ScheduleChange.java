package io.scoreline.pipeline.scheduling;

/** One change that brought the job store in line with the directory. */
public sealed interface ScheduleChange {

    long integrationId();

    /** A new job and trigger for an integration that fires. */
    record Added(IntegrationSchedule schedule, String cronExpression) implements ScheduleChange {
        @Override
        public long integrationId() {
            return schedule.integrationId();
        }
    }

    /** The trigger's fire times changed (new minute or cadence); a paused trigger fires again. */
    record Rescheduled(IntegrationSchedule schedule, String cronExpression) implements ScheduleChange {
        @Override
        public long integrationId() {
            return schedule.integrationId();
        }
    }

    record Paused(long integrationId) implements ScheduleChange {}

    record Resumed(long integrationId) implements ScheduleChange {}

    /** The integration is gone from the directory; so are its job and trigger. */
    record Removed(long integrationId) implements ScheduleChange {}
}
