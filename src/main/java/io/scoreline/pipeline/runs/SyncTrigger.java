package io.scoreline.pipeline.runs;

import java.util.Locale;

/** What started a sync run. */
public enum SyncTrigger {
    SCHEDULE,
    MANUAL,
    BACKFILL,
    WEBHOOK,
    REMAP,
    /** The nightly re-read of objects whose rules read formula fields, or its on-demand run. */
    FORMULA_REFRESH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
