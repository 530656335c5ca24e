/** Integrations: an organization's connections to CRM accounts, with credentials encrypted at rest. */
package io.scoreline.pipeline.integrations;
