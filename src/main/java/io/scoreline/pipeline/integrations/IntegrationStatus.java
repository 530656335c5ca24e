package io.scoreline.pipeline.integrations;

import java.util.Locale;

/**
 * Whether an integration syncs ({@code active}), is stopped by an operator, needs new credentials,
 * or needs attention: its rules read a field or object the CRM no longer has, so its runs stop
 * until the rules are fixed or the field is back (the scheduled attempts keep checking).
 */
public enum IntegrationStatus {
    ACTIVE,
    PAUSED,
    NEEDS_REAUTH,
    NEEDS_ATTENTION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrationStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
