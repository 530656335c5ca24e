package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.scheduling.IntegrationRunLocks;

/**
 * Run exclusion on the integration run locks (a PostgreSQL session advisory lock per integration):
 * it spans processes and nodes, and PostgreSQL releases it if a holder dies.
 */
public final class RunLockExclusion implements RunExclusion {

    private final IntegrationRunLocks locks;

    public RunLockExclusion(IntegrationRunLocks locks) {
        this.locks = locks;
    }

    @Override
    public Lease acquire(long integrationId) {
        var lock = locks.tryAcquire(integrationId).orElseThrow();
        return lock::close;
    }
}
