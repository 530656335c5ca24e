package io.scoreline.connectors.spi;

import java.util.Optional;

/**
 * Turns one webhook request of a CRM into the events it holds and the integrations that are to
 * receive them, after checking it came from that CRM and that account. It finds integrations only
 * through the {@link WebhookDirectory} it is handed and stores nothing: the caller commits what it
 * decides to the inbox before answering.
 */
public interface WebhookDecoder {

    /**
     * Whether the CRM posts to one URL per integration that holds its id and a secret
     * ({@code /webhooks/{provider}/{integrationId}/{secret}}); otherwise it posts to one URL for
     * all ({@code /webhooks/{provider}}) and the request names its accounts.
     */
    boolean postsToIntegrationEndpoints();

    /** What the request means; never throws for a request a caller could have crafted. */
    WebhookVerdict decode(WebhookRequest request, WebhookDirectory directory);

    /** The secret that signs an integration's webhooks, if its credentials hold one (HubSpot: the app's client secret). */
    default Optional<String> signingSecret(CrmCredentials credentials) {
        return Optional.empty();
    }

    /** The 2xx answer once the events are committed ({@code inserted} new, the rest redeliveries). */
    WebhookReply accepted(int events, int inserted);

    /** The 2xx answer to events no active integration takes: the CRM is to stop sending them. */
    WebhookReply dropped(int events);
}
