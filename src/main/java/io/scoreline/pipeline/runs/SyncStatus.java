package io.scoreline.pipeline.runs;

import java.util.Locale;

/** Where a run ended: {@code partial} means it stopped early on purpose (budget, quota) and continues next time. */
public enum SyncStatus {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
