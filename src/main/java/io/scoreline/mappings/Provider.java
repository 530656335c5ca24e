package io.scoreline.mappings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The CRMs a rule document can be written for. */
public enum Provider {
    SALESFORCE,
    HUBSPOT;

    /** The lower-case name used in documents, flags and catalog folders. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a provider name as operators write it ({@code salesforce}, {@code HubSpot}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Provider parse(String text) {
        var wanted = text == null ? "" : text.trim();
        for (var provider : values()) {
            if (provider.key().equalsIgnoreCase(wanted)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + wanted + "'; expected one of: "
                + Arrays.stream(values()).map(Provider::key).collect(Collectors.joining(", ")));
    }
}
