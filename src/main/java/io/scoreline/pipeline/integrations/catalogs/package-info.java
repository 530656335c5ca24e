/**
 * What each integration's CRM account has: its objects and fields as the CRM's describe or
 * properties calls report them, stored per integration in versions (ADR 0033), and the effective
 * catalog its rules compile against (the stock catalog merged with the discovered one).
 * {@link io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs} is the use case every
 * entry point goes through; {@link io.scoreline.pipeline.integrations.catalogs.CatalogJson} is the
 * file format of {@code integration describe --json} and {@code --catalog FILE}.
 */
package io.scoreline.pipeline.integrations.catalogs;
