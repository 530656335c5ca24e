package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The secret that signs an integration's webhooks (a HubSpot app's client secret), decrypted
 * once a minute at most: decrypting on every request would cost more than the request. Only that
 * secret is kept, never the rest of the credentials.
 */
final class WebhookSecrets {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Cached(Optional<String> secret, Instant until) {}

    private final IntegrationStore integrations;
    private final Function<CrmCredentials, Optional<String>> signingSecret;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();
    private final ReentrantLock lookUps = new ReentrantLock();

    /** @param signingSecret the CRM's choice of the credentials' part that signs (its decoder's) */
    WebhookSecrets(
            IntegrationStore integrations, Function<CrmCredentials, Optional<String>> signingSecret, Clock clock) {
        this.integrations = integrations;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /** Empty when the integration's credentials hold no signing secret (a private-app token alone cannot check signatures). */
    Optional<String> signingSecret(long organizationId, long integrationId) {
        var cached = cache.get(integrationId);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.secret();
        }
        // One look-up at a time, as in WebhookRoutes: a burst that finds the secret expired would
        // otherwise take a pooled connection per request in flight (ADR 0053).
        lookUps.lock();
        try {
            var now = clock.instant();
            cached = cache.get(integrationId);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.secret();
            }
            var secret = signingSecret.apply(integrations.credentials(organizationId, integrationId));
            cache.put(integrationId, new Cached(secret, now.plus(KEEP)));
            return secret;
        } finally {
            lookUps.unlock();
        }
    }
}
