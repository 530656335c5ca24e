package io.scoreline.pipeline.integrations.onboarding;

import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.runs.SyncRun;
import java.time.Duration;
import java.util.Optional;

/**
 * An integration as an operator watches it: its status ({@code needs_attention} included), its
 * newest run whatever its outcome, and its lag.
 *
 * @param lastRun the newest run (sync, backfill or remap), empty before the first
 * @param lag     how long ago the newest run that read data (succeeded or partial) finished: how
 *                old the newest synced change can be; empty when no run has read data yet
 */
public record IntegrationView(Integration integration, Optional<SyncRun> lastRun, Optional<Duration> lag) {}
