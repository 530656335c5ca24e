package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.runs.SyncStatus;
import java.util.Optional;

/** How a run ended, with its counters: what {@code scoreline sync} prints. */
public record SyncOutcome(long runId, SyncStatus status, long recordsRead, long factsChanged, long apiCalls,
        Optional<String> message) {
}
