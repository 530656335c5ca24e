/**
 * Connecting a CRM through its OAuth authorization-code flow (issue 24, ADR 0051): {@link
 * io.scoreline.pipeline.integrations.oauth.OAuthConnections#start} gives the CRM's authorize URL
 * for a single-use state, {@link io.scoreline.pipeline.integrations.oauth.OAuthConnections#complete}
 * takes the CRM's answer at the callback, exchanges the code and creates (or reconnects) the
 * integration with the refresh token stored encrypted. Failures are {@link
 * io.scoreline.pipeline.integrations.oauth.OAuthFailure}s with a reason.
 */
package io.scoreline.pipeline.integrations.oauth;
