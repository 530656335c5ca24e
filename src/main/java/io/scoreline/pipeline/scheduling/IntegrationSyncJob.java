package io.scoreline.pipeline.scheduling;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fire of an integration's schedule: hands the sync to this node's launcher. Quartz creates
 * an instance per fire, so the launcher comes from the scheduler context. Concurrent execution
 * is disallowed: across the whole cluster, a fire that comes while the previous run of the same
 * integration is still going waits for it. The class name is stored in the job store: renaming
 * or moving it strands existing jobs until the next reconcile replaces them.
 */
@DisallowConcurrentExecution
public final class IntegrationSyncJob implements Job {

    static final String LAUNCHER = "scoreline.scheduledSyncLauncher";

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationSyncJob.class);

    public IntegrationSyncJob() {
        // Quartz instantiates jobs reflectively.
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        long integrationId = Long.parseLong(data.getString(SyncJobs.INTEGRATION_ID));
        try {
            var sync = new ScheduledSync(
                    Long.parseLong(data.getString(SyncJobs.ORGANIZATION_ID)),
                    integrationId,
                    context.getScheduledFireTime().toInstant(),
                    context.isRecovering(),
                    context.getScheduler().getSchedulerInstanceId());
            launcher(context).runScheduledSync(sync);
        } catch (ScorelineException e) {
            // Nothing to retry here: the next fire is the retry. Rethrowing would only make
            // Quartz log it again. A retryable failure (the database or the CRM away for a while)
            // is expected in a long-running process: one line, no stack trace (ADR 0023).
            if (e.kind() == FailureKind.RETRYABLE) {
                LOG.warn(
                        "Scheduled sync of integration {} failed, retried at its next fire: {}",
                        integrationId,
                        e.getMessage());
            } else {
                LOG.error("Scheduled sync of integration {} failed: {}", integrationId, e.getMessage(), e);
            }
        } catch (RuntimeException | SchedulerException e) {
            LOG.error("Scheduled sync of integration {} failed: {}", integrationId, e.getMessage(), e);
        }
    }

    private static ScheduledSyncLauncher launcher(JobExecutionContext context) throws SchedulerException {
        if (context.getScheduler().getContext().get(LAUNCHER) instanceof ScheduledSyncLauncher launcher) {
            return launcher;
        }
        throw new SchedulerException("no scheduled sync launcher in the scheduler context");
    }
}
