package io.scoreline.connectors.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The CRMs Scoreline connects to; {@link #key()} is the value stored and typed on the CLI. */
public enum CrmProvider {
    SALESFORCE("salesforce"),
    HUBSPOT("hubspot");

    private final String key;

    CrmProvider(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static CrmProvider fromKey(String value) {
        var wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (var provider : values()) {
            if (provider.key.equals(wanted)) {
                return provider;
            }
        }
        throw ScorelineException.badInput("unknown provider '" + value + "': use one of "
                + Arrays.stream(values()).map(CrmProvider::key).collect(Collectors.joining(", ")));
    }
}
