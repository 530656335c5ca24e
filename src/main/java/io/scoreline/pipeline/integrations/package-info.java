/**
 * Integrations: an organization's connections to CRM accounts, with credentials encrypted at rest.
 * A CRM account has at most one integration that is not paused, across all organizations, unless
 * the operator lets integrations share it (ADR 0021).
 */
package io.scoreline.pipeline.integrations;
