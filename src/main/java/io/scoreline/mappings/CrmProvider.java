package io.scoreline.mappings;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The CRMs Scoreline connects to and writes rule documents for. {@link #key()} is the name stored
 * in the database, typed on the CLI, written in documents and used for catalog folders.
 */
public enum CrmProvider {
    SALESFORCE,
    HUBSPOT;

    /** The lower-case name used in documents, flags, stored rows and catalog folders. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a provider name as operators write it ({@code salesforce}, {@code HubSpot}).
     *
     * @throws ScorelineException (bad input) naming the accepted values
     */
    public static CrmProvider fromKey(String text) {
        var wanted = text == null ? "" : text.trim();
        for (var provider : values()) {
            if (provider.key().equalsIgnoreCase(wanted)) {
                return provider;
            }
        }
        throw ScorelineException.badInput("unknown provider '" + wanted + "'; expected one of: "
                + Arrays.stream(values()).map(CrmProvider::key).collect(Collectors.joining(", ")));
    }
}
