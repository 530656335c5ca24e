package io.scoreline.app.background;

import io.scoreline.pipeline.scheduling.IntegrationScheduler;

/** The clustered sync schedule as background work: this node fires jobs while started. */
public final class SyncScheduleWork implements BackgroundWork {

    private final IntegrationScheduler scheduler;
    private final java.util.Optional<io.scoreline.pipeline.scheduling.FormulaRefreshLauncher> formulaRefresh;

    public SyncScheduleWork(IntegrationScheduler scheduler) {
        this(scheduler, java.util.Optional.empty());
    }

    /** @param formulaRefresh what the nightly formula-field refresh does on this node (ADR 0035) */
    public SyncScheduleWork(
            IntegrationScheduler scheduler,
            java.util.Optional<io.scoreline.pipeline.scheduling.FormulaRefreshLauncher> formulaRefresh) {
        this.scheduler = scheduler;
        this.formulaRefresh = formulaRefresh;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void start() {
        formulaRefresh.ifPresent(scheduler::refreshFormulasNightly);
        scheduler.start();
    }

    @Override
    public void stop() {
        // Fires nothing more and waits for this node's running syncs, while the database is still
        // there for them (ADR 0023); the context's close then finds Quartz already shut down.
        scheduler.close();
    }

    @Override
    public String status() {
        return scheduler.schedules().size() + " integration schedule(s) on node " + scheduler.instanceId();
    }
}
