package io.scoreline.pipeline.integrations.catalogs;

import java.time.Instant;

/**
 * One stored version of an integration's catalog.
 *
 * @param read      the catalog as it was read when this version was stored
 * @param checkedAt the last time a refresh found the account still has exactly this catalog; its
 *                  age is what decides whether a run refreshes first
 */
public record StoredCatalog(long id, long integrationId, int version, CatalogRead read, Instant checkedAt) {}
