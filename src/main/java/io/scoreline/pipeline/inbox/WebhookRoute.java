package io.scoreline.pipeline.inbox;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.util.Optional;

/** Where a webhook goes: the integration's directory columns, never its credentials. */
public record WebhookRoute(
        long integrationId,
        long organizationId,
        CrmProvider provider,
        IntegrationStatus status,
        Optional<String> externalAccountId) {}
