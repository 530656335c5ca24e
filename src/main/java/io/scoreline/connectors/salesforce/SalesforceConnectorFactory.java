package io.scoreline.connectors.salesforce;

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
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Opens Salesforce connections: one Camel Salesforce component per open connection, registered
 * under its own name in the shared Camel context and removed when the connection closes; calls
 * go through the {@link SalesforceRoutes} this factory adds to the context. The
 * circuit breakers outlive connections: one per integration, so repeated failures carry over
 * from run to run.
 */
public final class SalesforceConnectorFactory implements CrmConnectorFactory {

    private final java.time.Clock clock;
    private final CamelContext camel;
    private final SalesforceOptions options;
    private final CircuitBreakerRegistry breakers;
    private final AtomicLong sequence = new AtomicLong();

    public SalesforceConnectorFactory(CamelContext camel, SalesforceOptions options, java.time.Clock clock) {
        this.clock = clock;
        this.camel = camel;
        this.options = options;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(80)
                .waitDurationInOpenState(options.breakerOpenFor())
                // Only failures that say "Salesforce is unwell" open the breaker, not bad input or quota.
                .recordException(e -> e instanceof ScorelineException s && s.kind() == FailureKind.RETRYABLE)
                .build());
        SharedRoutes.addOnce(camel, "salesforce-query", new SalesforceRoutes(), "Salesforce");
    }

    @Override
    public CrmProvider provider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public CrmConnector open(ConnectorSettings settings) {
        var typed = SalesforceSettings.from(settings.integrationId(), settings.settings());
        var loginUrl = typed.loginUrl();
        var apiVersion = typed.apiVersion();
        var component = new SalesforceComponent();
        component.setLoginUrl(loginUrl);
        var config = new SalesforceEndpointConfig();
        config.setApiVersion(apiVersion);
        component.setConfig(config);
        switch (settings.credentials()) {
            case CrmCredentials.RefreshToken c -> {
                component.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
                component.setClientId(c.clientId());
                component.setClientSecret(c.clientSecret());
                component.setRefreshToken(c.refreshToken());
            }
            case CrmCredentials.ClientCredentials c -> {
                component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
                component.setClientId(c.clientId());
                component.setClientSecret(c.clientSecret());
            }
            case CrmCredentials.JwtBearer j -> {
                component.setAuthenticationType(AuthenticationType.JWT);
                component.setClientId(j.clientId());
                component.setUserName(j.username());
                component.setKeystore(JwtKeyStore.of(j.privateKeyPem(), clock.instant()));
            }
            case CrmCredentials.PrivateAppToken p ->
                throw ScorelineException.badInput("salesforce does not accept a private app token");
        }
        var name = "sf-" + settings.integrationId() + "-" + sequence.incrementAndGet();
        try {
            // Adding a component to a running context starts it, and starting logs in.
            camel.addComponent(name, component);
            ServiceHelper.startService(component);
        } catch (RuntimeException e) {
            camel.removeComponent(name);
            var failure = SalesforceFailures.classify("login", e);
            if (settings.credentials() instanceof CrmCredentials.JwtBearer && failure.kind() == FailureKind.AUTH) {
                // Salesforce names no cause for a refused assertion; these are the usual ones.
                throw new ScorelineException(
                        FailureKind.AUTH,
                        failure.getMessage() + " (JWT bearer login: the private key must "
                                + "match the certificate uploaded to the connected app, the consumer key must be its client_id, and the "
                                + "user must be pre-authorized for the app)",
                        e);
            }
            throw failure;
        }
        return new SalesforceConnector(
                camel,
                name,
                component,
                apiVersion,
                options,
                breakers.circuitBreaker("salesforce-" + settings.integrationId()),
                clock);
    }
}
