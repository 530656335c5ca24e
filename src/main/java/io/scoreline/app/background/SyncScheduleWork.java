package io.scoreline.app.background;

import io.scoreline.pipeline.scheduling.IntegrationScheduler;

/** The clustered sync schedule as background work: this node fires jobs while started. */
public final class SyncScheduleWork implements BackgroundWork {

    private final IntegrationScheduler scheduler;

    public SyncScheduleWork(IntegrationScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void start() {
        scheduler.start();
    }

    @Override
    public void stop() {
        // Standby, not shutdown: running syncs finish, and the context's close shuts Quartz down.
        scheduler.standby();
    }

    @Override
    public String status() {
        return scheduler.schedules().size() + " integration schedule(s) on node " + scheduler.instanceId();
    }
}
