package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.Integration;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON line of one integration. Credentials are never part of it; the endpoint secret only
 * in the answer of {@code integration add}, the one time it is shown (ADR 0020).
 *
 * @param endpointSecretSet Salesforce only: an integration without one (added before V14) refuses every outbound message
 */
record IntegrationJson(
        long id,
        String org,
        String provider,
        String status,
        @JsonProperty("external_account_id") String externalAccountId,
        @JsonProperty("schedule_minute") int scheduleMinute,
        Map<String, String> settings,
        @JsonProperty("endpoint_secret_set") Boolean endpointSecretSet,
        @JsonProperty("created_at") String createdAt,

        @JsonProperty("endpoint_secret") @JsonInclude(JsonInclude.Include.NON_NULL)
        String endpointSecret,

        @JsonProperty("endpoint_path") @JsonInclude(JsonInclude.Include.NON_NULL)
        String endpointPath) {

    static IntegrationJson of(Integration integration, String organizationSlug) {
        return of(integration, organizationSlug, Optional.empty());
    }

    static IntegrationJson of(Integration integration, String organizationSlug, Optional<EndpointSecret> secret) {
        return new IntegrationJson(
                integration.id(),
                organizationSlug,
                integration.provider().key(),
                integration.status().key(),
                integration.externalAccountId().orElse(null),
                integration.scheduleMinute(),
                integration.settings(),
                integration.provider() == CrmProvider.SALESFORCE ? integration.hasEndpointSecret() : null,
                integration.createdAt().toString(),
                secret.map(EndpointSecret::text).orElse(null),
                secret.map(s -> EndpointSecretOutput.path(integration, s)).orElse(null));
    }
}
