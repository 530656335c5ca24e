package io.scoreline.pipeline.integrations.catalogs;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxAge how old an integration's stored catalog may be before a run (sync, backfill)
 *               reads it again from the CRM first ({@code SCORELINE_CATALOG_MAX_AGE})
 */
public record CatalogSettings(Duration maxAge) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    public CatalogSettings {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings(DEFAULT_MAX_AGE);
    }
}
