package io.scoreline.app.http;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.pipeline.inbox.WebhookRoute;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret that signs an integration's HubSpot webhooks (its app's client secret), decrypted
 * once a minute at most: decrypting on every request would cost more than the request.
 */
final class WebhookSecrets {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Cached(Optional<String> secret, Instant until) {
    }

    private final IntegrationStore integrations;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    WebhookSecrets(IntegrationStore integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /** Empty when the integration has no client secret (a private-app token alone cannot check signatures). */
    Optional<String> clientSecret(WebhookRoute route) {
        var now = clock.instant();
        var cached = cache.get(route.integrationId());
        if (cached != null && now.isBefore(cached.until())) {
            return cached.secret();
        }
        var credentials = integrations.credentials(route.organizationId(), route.integrationId());
        Optional<String> secret = credentials instanceof CrmCredentials.RefreshToken r ? Optional.of(r.clientSecret())
                : credentials instanceof CrmCredentials.ClientCredentials c ? Optional.of(c.clientSecret()) : Optional.empty();
        cache.put(route.integrationId(), new Cached(secret, now.plus(KEEP)));
        return secret;
    }
}
