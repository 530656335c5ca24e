package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/integrations}: what {@code integration add} takes, with the
 * credentials as an object of the credentials file's names ({@code private_key} holds a JWT key's
 * PEM: a path on the server is never read for a caller on the network).
 */
@Serdeable
public record IntegrationAddRequest(
        String provider,
        Map<String, String> credentials,
        @JsonProperty("login_url") String loginUrl,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("portal_id") String portalId,
        @JsonProperty("salesforce_org_id") String salesforceOrgId,
        @JsonProperty("allow_shared_account") Boolean allowSharedAccount) {}
