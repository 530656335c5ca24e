package io.scoreline.pipeline.integrations;

import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A connection from an organization to one CRM account. Credentials are not part of it: they
 * are decrypted on demand by {@link IntegrationStore#credentials}.
 *
 * @param hasEndpointSecret Salesforce only: whether its outbound-message endpoint has a secret
 *                          (ADR 0020); one added before V14 has none and refuses every message
 *                          until the secret is rotated
 */
public record Integration(
        long id,
        long organizationId,
        CrmProvider provider,
        IntegrationStatus status,
        Map<String, String> settings,
        Optional<String> externalAccountId,
        int scheduleMinute,
        Instant createdAt,
        boolean hasEndpointSecret) {

    public Integration {
        settings = Map.copyOf(settings);
    }
}
