package io.scoreline.mappings.measures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The unit a KPI's value is shown in. A {@link #PERCENT} ratio is multiplied by 100. */
public enum KpiUnit {
    COUNT,
    CURRENCY,
    MINUTES,
    PERCENT;

    /** The word used in documents, the CLI and JSON ({@code count}, {@code percent}, …). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KpiUnit> fromKey(String key) {
        return Arrays.stream(values())
                .filter(u -> u.key().equalsIgnoreCase(key.strip()))
                .findFirst();
    }
}
