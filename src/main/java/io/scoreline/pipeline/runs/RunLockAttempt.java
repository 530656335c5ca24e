package io.scoreline.pipeline.runs;

import io.scoreline.failure.ScorelineException;

/** The outcome of asking to run an integration: the lock, or word that a run is already going. */
public sealed interface RunLockAttempt {

    /** The caller may run; close the lock when the run ends, however it ends. */
    record Acquired(IntegrationRunLock lock) implements RunLockAttempt {}

    /** Another run of this integration holds the lock, in this process or any other. */
    record AlreadyRunning(long integrationId) implements RunLockAttempt {}

    /** The lock, or a conflict failure fit to show the operator who asked for a manual sync. */
    default IntegrationRunLock orElseThrow() {
        return switch (this) {
            case Acquired acquired -> acquired.lock();
            case AlreadyRunning running ->
                throw ScorelineException.conflict("integration " + running.integrationId()
                        + " is already syncing; try again when that run has finished");
        };
    }
}
