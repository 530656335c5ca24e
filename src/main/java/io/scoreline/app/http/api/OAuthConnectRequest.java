package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/v1/integrations/oauth}: the CRM, the integration's settings as
 * {@code integration add} takes them, or the integration to reconnect, and the console page the
 * callback sends the browser back to.
 */
@Serdeable
public record OAuthConnectRequest(
        String provider,
        @JsonProperty("login_url") String loginUrl,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("portal_id") String portalId,
        @JsonProperty("integration_id") Long integrationId,
        @JsonProperty("return_to") String returnTo) {}
