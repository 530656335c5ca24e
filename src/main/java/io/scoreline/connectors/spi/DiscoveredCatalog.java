package io.scoreline.connectors.spi;

import io.scoreline.mappings.FieldCatalog;
import java.util.Objects;

/**
 * What one account of a CRM has, as its describe or properties calls reported it: its objects
 * (stock and custom) with their fields, picklist values and formula flags, and the API calls the
 * reading cost (one global call plus one per object described is what operators are told to expect).
 */
public record DiscoveredCatalog(FieldCatalog catalog, long apiCalls) {

    public DiscoveredCatalog {
        Objects.requireNonNull(catalog, "catalog");
        if (apiCalls < 0) {
            throw new IllegalArgumentException("apiCalls must not be negative");
        }
    }
}
