/**
 * HTTP endpoints of {@code scoreline serve}: health, metrics, and the CRMs' webhooks (ADR 0005),
 * decoded and verified by each CRM's connector profile and committed here to the inbox (ADR 0028),
 * behind a per-request read deadline, an idle timeout and body limits (ADR 0021); the admin API
 * follows. Nothing here names a CRM ({@code CrmNeutralityTest}).
 */
package io.scoreline.app.http;
