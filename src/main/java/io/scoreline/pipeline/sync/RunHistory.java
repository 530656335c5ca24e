package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.runs.SyncRun;
import java.util.List;

/** An integration's runs, newest first, with its status now ({@code needs_attention} says why its runs stop). */
public record RunHistory(long integrationId, IntegrationStatus status, List<SyncRun> runs) {

    public RunHistory {
        runs = List.copyOf(runs);
    }
}
