package io.scoreline.app.background;

import io.scoreline.pipeline.retention.RetentionSettings;
import io.scoreline.pipeline.retention.RetentionSweeper;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention as background work: sweeps finished inbox rows, KPI change rows and runs once at
 * start and then every {@code SCORELINE_RETENTION_INTERVAL}. Every node sweeps; two sweeps at once
 * only find fewer rows to delete. Started last and stopped first: it serves no other work.
 */
public final class RetentionWork implements BackgroundWork {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionWork.class);

    private final RetentionSweeper sweeper;
    private final RetentionSettings settings;
    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    public RetentionWork(RetentionSweeper sweeper, RetentionSettings settings) {
        this.sweeper = sweeper;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @SuppressWarnings(
            "FutureReturnValueIgnored") // the periodic task logs its own failures (sweepLogged); close() stops the
    // executor
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("retention").factory());
        executor.scheduleWithFixedDelay(
                this::sweepLogged, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepLogged() {
        try {
            var result = sweeper.sweep(() -> stopping);
            if (result.rows() > 0) {
                LOG.info(
                        "Retention deleted {} inbox row(s), {} KPI change row(s) and {} run(s) in {} transaction(s)",
                        result.inboxRows(),
                        result.kpiChanges(),
                        result.runs(),
                        result.transactions());
            }
        } catch (RuntimeException e) {
            // Each batch committed or rolled back whole; the next sweep carries on.
            LOG.warn("Retention sweep failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        // The sweep in flight ends after its current batch's transaction.
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public String status() {
        return "retention every " + readable(settings.interval()) + ": done inbox rows after "
                + readable(settings.inboxDone())
                + ", processed KPI changes after " + readable(settings.kpiChangesProcessed()) + ", finished runs after "
                + readable(settings.finishedRuns());
    }

    /** Whole days as {@code 7d}, anything else in ISO-8601 ({@code PT1H}). */
    private static String readable(java.time.Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? duration.toDays() + "d" : duration.toString();
    }
}
