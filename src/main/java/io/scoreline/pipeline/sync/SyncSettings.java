package io.scoreline.pipeline.sync;

import java.time.Duration;

/**
 * How incremental syncs read.
 *
 * @param lookback       re-read this far before the cursor: a CRM stamps a record when its
 *                       transaction starts, so a record can become visible after later ones
 * @param initialWindow  how far back the first sync of an integration reads (history beyond it
 *                       is a backfill's job)
 * @param pageSize       records per page and per transaction
 * @param quotaShare     share of the daily API quota one run may use before it stops as partial
 */
public record SyncSettings(Duration lookback, Duration initialWindow, int pageSize, double quotaShare) {

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 2000, 0.5);
    }
}
