package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.WebhookDirectory;
import io.scoreline.connectors.spi.WebhookTarget;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CRM's integrations as its webhook decoder sees them: the owner-run integration directory
 * ({@link WebhookRoutes}) and the signing secrets of the integrations, never other credentials.
 */
final class IntegrationWebhookDirectory implements WebhookDirectory {

    private final CrmProvider provider;
    private final WebhookRoutes routes;
    private final WebhookSecrets secrets;

    IntegrationWebhookDirectory(CrmProvider provider, WebhookRoutes routes, WebhookSecrets secrets) {
        this.provider = provider;
        this.routes = routes;
        this.secrets = secrets;
    }

    @Override
    public Map<String, List<WebhookTarget>> byAccounts(Collection<String> externalAccountIds) {
        var result = new LinkedHashMap<String, List<WebhookTarget>>();
        routes.byAccounts(provider, externalAccountIds)
                .forEach((account, found) -> result.put(
                        account,
                        found.stream().map(IntegrationWebhookDirectory::target).toList()));
        return result;
    }

    @Override
    public Optional<WebhookTarget> endpoint(String integrationId, Optional<String> secret) {
        long id;
        try {
            id = Long.parseLong(integrationId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A missing secret is compared like a wrong one: the same work, the same answer.
        return routes.endpoint(provider, id, secret.orElse("")).map(IntegrationWebhookDirectory::target);
    }

    @Override
    public Optional<String> signingSecret(WebhookTarget target) {
        return secrets.signingSecret(target.organizationId(), target.integrationId());
    }

    private static WebhookTarget target(WebhookRoute route) {
        return new WebhookTarget(
                route.integrationId(),
                route.organizationId(),
                route.status() == IntegrationStatus.ACTIVE,
                route.status().key(),
                route.externalAccountId());
    }
}
