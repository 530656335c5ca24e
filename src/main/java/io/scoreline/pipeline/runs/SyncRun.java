package io.scoreline.pipeline.runs;

import java.time.Instant;
import java.util.Optional;

/** One row of {@code sync_runs}: a sync, backfill or remap with its counters and outcome. */
public record SyncRun(
        long id,
        long integrationId,
        SyncTrigger trigger,
        Optional<Instant> windowFrom,
        Optional<Instant> windowTo,
        SyncStatus status,
        Instant startedAt,
        Optional<Instant> finishedAt,
        long recordsRead,
        long factsChanged,
        int apiCalls,
        Optional<String> errorKind,
        Optional<String> errorMessage) {}
