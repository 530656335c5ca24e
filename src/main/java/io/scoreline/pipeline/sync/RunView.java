package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.runs.SyncRun;
import java.util.Optional;

/**
 * One run as the API shows it: the row ({@code runs --json}), its integration's status, the
 * progress of a run this process executes, and whether a run still marked running has lost the
 * process that ran it.
 *
 * @param interrupted marked running, but no process holds the integration's run lock: the process
 *                    died; a backfill or remap continues with a resume, a sync with the next sync
 */
public record RunView(
        SyncRun run, IntegrationStatus integrationStatus, Optional<RunProgress> progress, boolean interrupted) {}
