/**
 * HTTP endpoints of {@code scoreline serve}: health, metrics, and the HubSpot and Salesforce webhooks
 * (ADR 0005), behind a per-request read deadline, an idle timeout and body limits (ADR 0021); the
 * admin API follows.
 */
package io.scoreline.app.http;
