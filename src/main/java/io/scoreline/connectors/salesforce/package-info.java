/**
 * The Salesforce connector: the Camel Salesforce component per connected org, its read operations
 * as the routes of {@link io.scoreline.connectors.salesforce.SalesforceRoutes} (ADR 0026), SOQL
 * change queries with {@code queryAll}, {@code getDeleted}, users, quota accounting from
 * {@code Sforce-Limit-Info}, Resilience4j retries and a circuit breaker per integration.
 */
package io.scoreline.connectors.salesforce;
