/**
 * Push-down of rule conditions into the CRM query: a SOQL {@code WHERE} clause
 * ({@link io.scoreline.mappings.pushdown.SoqlWhereCompiler}) and HubSpot search
 * {@code filterGroups} ({@link io.scoreline.mappings.pushdown.HubSpotFilterCompiler}). A pushed
 * filter always selects a superset of what the exact evaluator matches, so it is safe for
 * backfills into windows without facts; the evaluator stays the final word.
 */
package io.scoreline.mappings.pushdown;
