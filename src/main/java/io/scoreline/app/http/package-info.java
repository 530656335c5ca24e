/** HTTP endpoints of {@code scoreline serve}: health, metrics, and the HubSpot and Salesforce webhooks (ADR 0005); the admin API follows. */
package io.scoreline.app.http;
