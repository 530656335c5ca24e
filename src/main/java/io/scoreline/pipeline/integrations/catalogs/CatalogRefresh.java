package io.scoreline.pipeline.integrations.catalogs;

import io.scoreline.pipeline.integrations.Integration;

/**
 * What {@code integration describe} did: the catalog read now, as stored.
 *
 * @param changed whether the reading differed from the latest stored version (and so became a new
 *                version); an unchanged reading only marks that version checked
 */
public record CatalogRefresh(Integration integration, StoredCatalog stored, boolean changed) {

    /** The API calls this reading cost. */
    public long apiCalls() {
        return stored.read().apiCalls();
    }
}
