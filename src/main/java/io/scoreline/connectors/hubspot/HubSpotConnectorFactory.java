package io.scoreline.connectors.hubspot;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmConnectorFactory;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.SharedRoutes;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Opens HubSpot connections. What belongs to a portal rather than to one connection outlives
 * connections here: its rate limiter (HubSpot limits per portal) and its OAuth session (one
 * refresh at a time, rotated refresh tokens), and its circuit breaker per integration. One HTTP
 * client on virtual threads and the {@link HubSpotRoutes} this factory adds to the context serve all.
 */
public final class HubSpotConnectorFactory implements CrmConnectorFactory {

    private final HubSpotOptions options;
    private final Clock clock;
    private final LongSupplier nanos;
    private final HttpClient http;
    private final ConcurrentMap<String, HubSpotRateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HubSpotOAuthSession> sessions = new ConcurrentHashMap<>();
    private final ProducerTemplate routes;
    private final CircuitBreakerRegistry breakers;

    public HubSpotConnectorFactory(CamelContext camel, HubSpotOptions options, Clock clock) {
        this(camel, options, clock, System::nanoTime);
    }

    HubSpotConnectorFactory(CamelContext camel, HubSpotOptions options, Clock clock, LongSupplier nanos) {
        this.options = options;
        this.clock = clock;
        this.nanos = nanos;
        this.http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        SharedRoutes.addOnce(camel, "hubspot-search", new HubSpotRoutes(), "HubSpot");
        this.routes = camel.createProducerTemplate();
        // As Salesforce's: one breaker per integration, opened only by failures that say "HubSpot is unwell".
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(80)
                .waitDurationInOpenState(options.breakerOpenFor())
                .recordException(e -> e instanceof ScorelineException s && s.kind() == FailureKind.RETRYABLE)
                .build());
    }

    @Override
    public CrmProvider provider() {
        return CrmProvider.HUBSPOT;
    }

    @Override
    public CrmConnector open(ConnectorSettings settings) {
        var typed = HubSpotSettings.from(settings.settings());
        var base = typed.baseUrl();
        var portalId = typed.portalId();
        var portal = base + "|"
                + (portalId.isPresent() ? "portal:" + portalId.getAsLong() : "integration:" + settings.integrationId());
        var limiter = limiters.computeIfAbsent(
                portal,
                key -> new HubSpotRateLimiter(nanos, options.burstPerTenSeconds(), options.searchesPerSecond()));
        HubSpotAuth auth = switch (settings.credentials()) {
            case CrmCredentials.PrivateAppToken token -> new HubSpotAuth.PrivateApp(token.token());
            case CrmCredentials.RefreshToken refresh -> {
                if (refresh.clientSecret() == null || refresh.clientSecret().isBlank()) {
                    throw ScorelineException.badInput("the hubspot refresh-token login of integration "
                            + settings.integrationId() + " needs client_secret");
                }
                var session = sessions.compute(
                        portal + "|" + refresh.clientId(),
                        (key, existing) -> existing != null && existing.sameApp(refresh)
                                ? existing
                                : new HubSpotOAuthSession(http, base, clock, options, refresh));
                session.offer(refresh, settings.rotatedCredentials());
                yield session;
            }
            case CrmCredentials.ClientCredentials c ->
                throw ScorelineException.badInput(
                        "hubspot does not accept client credentials; use a private app token or a public app's refresh token");
            case CrmCredentials.JwtBearer j ->
                throw ScorelineException.badInput(
                        "hubspot does not accept a JWT bearer login; use a private app token or a public app's refresh token");
        };
        var name = "hubspot-" + settings.integrationId();
        return new HubSpotConnector(
                new HubSpotApi(
                        http,
                        routes,
                        base,
                        auth,
                        limiter,
                        options,
                        HubSpotRetries.of(name, options, limiter),
                        breakers.circuitBreaker(name)),
                portalId);
    }
}
