package io.scoreline.pipeline.runs;

import java.util.Locale;

/** What started a sync run. */
public enum SyncTrigger {
    SCHEDULE,
    MANUAL,
    BACKFILL,
    WEBHOOK,
    REMAP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
