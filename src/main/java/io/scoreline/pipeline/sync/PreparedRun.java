package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.runs.IntegrationRunLock;
import io.scoreline.pipeline.runs.SyncTrigger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A run whose row exists and whose integration lock is held, not yet executed: the caller knows
 * its id before any record is read, and may execute it here or hand it to another thread. The lock
 * is released when the run ends, or by {@link #abandon()} when it is never executed.
 */
public final class PreparedRun {

    private final long runId;
    private final long integrationId;
    private final SyncTrigger trigger;
    private final IntegrationRunLock lock;
    private final Function<ProgressListener, SyncOutcome> body;
    private final AtomicBoolean taken = new AtomicBoolean();

    PreparedRun(
            long runId,
            long integrationId,
            SyncTrigger trigger,
            IntegrationRunLock lock,
            Function<ProgressListener, SyncOutcome> body) {
        this.runId = runId;
        this.integrationId = integrationId;
        this.trigger = trigger;
        this.lock = lock;
        this.body = body;
    }

    public long runId() {
        return runId;
    }

    public long integrationId() {
        return integrationId;
    }

    public SyncTrigger trigger() {
        return trigger;
    }

    /** Runs it to its end (once) and releases the integration's lock, however it ends. */
    public SyncOutcome execute(ProgressListener progress) {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("run " + runId + " was already executed or abandoned");
        }
        try (lock) {
            return body.apply(progress);
        }
    }

    /** Releases the lock of a run that will not be executed (its row stays as the caller leaves it). */
    public void abandon() {
        if (taken.compareAndSet(false, true)) {
            lock.close();
        }
    }
}
