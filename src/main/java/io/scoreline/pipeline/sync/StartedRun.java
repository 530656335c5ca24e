package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.runs.SyncTrigger;

/** A run recorded and handed to the background: its id to poll, its integration and kind. */
public record StartedRun(long runId, long integrationId, SyncTrigger trigger) {}
