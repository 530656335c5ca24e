package io.scoreline.pipeline.scheduling;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import org.quartz.JobPersistenceException;
import org.quartz.SchedulerException;

/** Turns Quartz's checked exceptions into Scoreline failures a caller can act on. */
final class SchedulerFailures {

    private SchedulerFailures() {}

    static ScorelineException of(String action, SchedulerException e) {
        // The job store failing means the database did; anything else is a mistake of ours.
        var kind = e instanceof JobPersistenceException ? FailureKind.RETRYABLE : FailureKind.BUG;
        return new ScorelineException(kind, "cannot " + action + ": " + e.getMessage(), e);
    }
}
