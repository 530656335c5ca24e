package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;

/** What every kind of run (sync, backfill) works with: stores, the page writer, connectors, the run lock, time. */
public record RunServices(IntegrationStore integrations, OrganizationStore organizations, RuleSetStore ruleSets,
        CheckpointStore checkpoints, SyncRunStore runs, PageWriter writer, ConnectorOpener connectors, RunExclusion exclusion,
        Clock clock) {
}
