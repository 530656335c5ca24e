package io.scoreline.pipeline.scheduling;

/**
 * What a scheduled fire does: run one sync of one integration, on the calling thread, returning
 * when the run is over. A failure thrown here is logged and the next fire comes as usual.
 */
@FunctionalInterface
public interface ScheduledSyncLauncher {

    void runScheduledSync(ScheduledSync sync);
}
