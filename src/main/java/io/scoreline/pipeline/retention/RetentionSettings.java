package io.scoreline.pipeline.retention;

import java.time.Duration;

/**
 * How long finished work is kept, and how it is deleted.
 *
 * @param inboxDone          age (since processing) after which a {@code done} webhook inbox row is
 *                           deleted; longer than any CRM redelivers an event (HubSpot retries for
 *                           hours, Salesforce Outbound Messages for 24 h), so that a late duplicate
 *                           still meets its dedupe key
 * @param kpiChangesProcessed age (since processing) after which a processed {@code kpi_changes} row
 *                           is deleted; the evaluator never reads it again
 * @param finishedRuns       age (since finishing) after which a run is deleted, except the latest
 *                           run of each integration and a backfill that can still be resumed
 * @param batchSize          rows per delete transaction, so no delete holds locks or bloats WAL for long
 * @param interval           time between two sweeps
 */
public record RetentionSettings(
        Duration inboxDone, Duration kpiChangesProcessed, Duration finishedRuns, int batchSize, Duration interval) {

    public static final Duration DEFAULT_INBOX_DONE = Duration.ofDays(7);
    public static final Duration DEFAULT_KPI_CHANGES_PROCESSED = Duration.ofDays(7);
    public static final Duration DEFAULT_FINISHED_RUNS = Duration.ofDays(90);
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    public RetentionSettings {
        requirePositive(inboxDone, "inboxDone");
        requirePositive(kpiChangesProcessed, "kpiChangesProcessed");
        requirePositive(finishedRuns, "finishedRuns");
        requirePositive(interval, "interval");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(
                DEFAULT_INBOX_DONE,
                DEFAULT_KPI_CHANGES_PROCESSED,
                DEFAULT_FINISHED_RUNS,
                DEFAULT_BATCH_SIZE,
                DEFAULT_INTERVAL);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
