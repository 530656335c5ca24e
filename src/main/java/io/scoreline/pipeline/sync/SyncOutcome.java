package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncStatus;
import java.util.Optional;

/** How a run ended, with its committed counters: what {@code sync}, {@code backfill} and {@code remap} print. */
public record SyncOutcome(
        long runId, SyncStatus status, long recordsRead, long factsChanged, long apiCalls, Optional<String> message) {

    static SyncOutcome of(SyncRun run) {
        return new SyncOutcome(
                run.id(), run.status(), run.recordsRead(), run.factsChanged(), run.apiCalls(), run.errorMessage());
    }
}
