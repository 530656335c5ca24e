package io.scoreline.pipeline.sync;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.runs.IntegrationRunLock;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.RunLockAttempt;
import io.scoreline.pipeline.runs.SyncRunStore;

/**
 * Takes an integration's run lock for a run about to start, or refuses with a conflict that names
 * the run holding it, so the caller (an operator or an API client) knows which run to wait for.
 */
final class RunLockGate {

    private RunLockGate() {}

    static IntegrationRunLock acquire(
            IntegrationRunLocks locks, SyncRunStore runs, long organizationId, long integrationId) {
        return switch (locks.tryAcquire(integrationId)) {
            case RunLockAttempt.Acquired acquired -> acquired.lock();
            case RunLockAttempt.AlreadyRunning running ->
                throw ScorelineException.conflict("integration " + integrationId + " is already syncing"
                        + runs.running(organizationId, integrationId)
                                .map(run -> " (run " + run.id() + ", "
                                        + run.trigger().key() + ", started " + run.startedAt() + ")")
                                .orElse("")
                        + "; try again when that run has finished");
        };
    }
}
