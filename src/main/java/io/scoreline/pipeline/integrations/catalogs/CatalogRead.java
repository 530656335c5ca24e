package io.scoreline.pipeline.integrations.catalogs;

import io.scoreline.mappings.FieldCatalog;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a CRM account's catalog: what it had, when it was read and the API calls the
 * reading cost. The unit that is stored, printed and written to a file.
 */
public record CatalogRead(FieldCatalog catalog, Instant readAt, long apiCalls) {

    public CatalogRead {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(readAt, "readAt");
        if (apiCalls < 0) {
            throw new IllegalArgumentException("apiCalls must not be negative");
        }
    }
}
