/**
 * The Salesforce connector: the Camel Salesforce component per connected org, SOQL change
 * queries with {@code queryAll}, {@code getDeleted}, users, quota accounting from
 * {@code Sforce-Limit-Info}, retries and a circuit breaker per integration.
 */
package io.scoreline.connectors.salesforce;
