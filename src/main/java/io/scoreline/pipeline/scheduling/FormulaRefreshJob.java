package io.scoreline.pipeline.scheduling;

import java.util.Comparator;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly formula-field refresh: one job for the whole cluster (the clustered job store lets
 * one node fire it), which goes through the integrations that fire, in the order of their sync
 * minute, one at a time. One at a time is the spread: the refreshes never pile onto the database
 * or the scheduler threads together, and each CRM account sees one refresh a night. The class name
 * is stored in the job store: renaming or moving it strands the job until the next start.
 */
@DisallowConcurrentExecution
public final class FormulaRefreshJob implements Job {

    static final String LAUNCHER = "scoreline.formulaRefreshLauncher";
    static final String DIRECTORY = "scoreline.integrationDirectory";
    static final JobKey KEY = new JobKey("formula-refresh", "formula-refresh");
    /** 02:30 UTC: after midnight in Europe, before the working day in the Americas' evening ends its syncs. */
    static final String CRON = "0 30 2 * * ?";

    private static final Logger LOG = LoggerFactory.getLogger(FormulaRefreshJob.class);

    public FormulaRefreshJob() {
        // Quartz instantiates jobs reflectively.
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            var schedulerContext = context.getScheduler().getContext();
            if (!(schedulerContext.get(LAUNCHER) instanceof FormulaRefreshLauncher launcher)
                    || !(schedulerContext.get(DIRECTORY) instanceof IntegrationDirectory directory)) {
                LOG.warn("Formula refresh fired on a node without a launcher; the next night tries again");
                return;
            }
            launcher.refreshAll(directory.all().stream()
                    .filter(IntegrationSchedule::fires)
                    .sorted(Comparator.comparingInt(IntegrationSchedule::scheduleMinute)
                            .thenComparingLong(IntegrationSchedule::integrationId))
                    .toList());
        } catch (RuntimeException | SchedulerException e) {
            LOG.error("Formula refresh failed: {}", e.getMessage(), e);
        }
    }

    static JobDetail job() {
        return JobBuilder.newJob(FormulaRefreshJob.class)
                .withIdentity(KEY)
                .withDescription("nightly formula-field refresh of every integration")
                .storeDurably()
                .build();
    }

    static CronTrigger trigger() {
        return TriggerBuilder.newTrigger()
                .withIdentity(KEY.getName(), KEY.getGroup())
                .forJob(KEY)
                .withSchedule(CronScheduleBuilder.cronSchedule(CRON)
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        // A night missed (no node up) is not caught up later in the day: the next one comes.
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
