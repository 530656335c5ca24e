/**
 * The Salesforce connector: the Camel Salesforce component per connected org, its read operations
 * as the routes of {@link io.scoreline.connectors.salesforce.SalesforceRoutes} (ADR 0026), SOQL
 * change queries with {@code queryAll}, {@code getDeleted}, users, quota accounting from
 * {@code Sforce-Limit-Info}, Resilience4j retries and a circuit breaker per integration.
 *
 * <p>{@code SalesforceProfile} is what the rest of Scoreline asks of Salesforce (ADR 0028): typed
 * settings, outbound messages posted to a secret URL per integration and checked against the org,
 * SOQL push-down for backfills.
 */
package io.scoreline.connectors.salesforce;
