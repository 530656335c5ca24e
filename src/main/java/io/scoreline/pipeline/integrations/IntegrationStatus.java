package io.scoreline.pipeline.integrations;

import java.util.Locale;

/** Whether an integration syncs ({@code active}), is stopped by an operator, or needs new credentials. */
public enum IntegrationStatus {
    ACTIVE,
    PAUSED,
    NEEDS_REAUTH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrationStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
