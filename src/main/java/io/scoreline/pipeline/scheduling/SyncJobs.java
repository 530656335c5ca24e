package io.scoreline.pipeline.scheduling;

import java.time.Instant;
import java.util.Date;
import java.util.OptionalLong;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/** Names and shapes of the Quartz job and trigger that stand for one integration. */
final class SyncJobs {

    static final String GROUP = "sync";
    static final String ORGANIZATION_ID = "organizationId";
    static final String INTEGRATION_ID = "integrationId";

    private static final String PREFIX = "integration-";
    // Cron fields read the same on every node whatever its default zone.
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private SyncJobs() {}

    static JobKey jobKey(long integrationId) {
        return new JobKey(PREFIX + integrationId, GROUP);
    }

    static TriggerKey triggerKey(long integrationId) {
        return new TriggerKey(PREFIX + integrationId, GROUP);
    }

    /** The integration a job stands for; empty for a job in the group that is not one of ours. */
    static OptionalLong integrationId(JobKey key) {
        if (!GROUP.equals(key.getGroup()) || !key.getName().startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(key.getName().substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static JobDetail job(IntegrationSchedule schedule) {
        return JobBuilder.newJob(IntegrationSyncJob.class)
                .withIdentity(jobKey(schedule.integrationId()))
                .withDescription("scheduled sync of integration " + schedule.integrationId())
                .usingJobData(ORGANIZATION_ID, Long.toString(schedule.organizationId()))
                .usingJobData(INTEGRATION_ID, Long.toString(schedule.integrationId()))
                // A node that dies mid-run leaves the fire to another node: a sync re-run is
                // harmless (pages are idempotent), a silently lost one is not.
                .requestRecovery(true)
                .build();
    }

    static CronTrigger trigger(IntegrationSchedule schedule, String cronExpression, Instant startAt) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(schedule.integrationId()))
                .forJob(jobKey(schedule.integrationId()))
                .startAt(Date.from(startAt))
                .withSchedule(CronScheduleBuilder.cronSchedule(cronExpression)
                        .inTimeZone(UTC)
                        // MISFIRE_INSTRUCTION_FIRE_ONCE_NOW: however many fires were missed
                        // (node down, run overlong), one run catches up.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
