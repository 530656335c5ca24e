package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Record;

/**
 * Finds the integration a webhook is for before we know its organization: through the owner-run
 * integration directory (V2), which exposes no credentials and no tenant data. An active route
 * found by account is remembered for a few seconds, so a burst of webhook batches does not look
 * it up once per request. Only active ones: a route remembered as active after its integration
 * was paused lets events into the inbox, whose processor drops them just as the endpoint would;
 * a route remembered as paused or missing would drop events of a resumed integration, which the
 * CRM, having had its 2xx, never sends again.
 */
public final class WebhookRoutes {

    static final Duration REMEMBER_ACTIVE = Duration.ofSeconds(5);

    private record Remembered(WebhookRoute route, Instant until) {
    }

    private static final String SELECT =
            "select id, organization_id, provider, status, external_account_id from scoreline_integration_directory()";

    private final TenantTransactions transactions;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> active = new ConcurrentHashMap<>();

    public WebhookRoutes(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The Salesforce integration whose outbound-message endpoint this is, only when the secret
     * from its URL matches the stored hash (ADR 0020). Empty alike for an unknown id, another
     * provider's integration, one without a secret and a wrong secret, so that a caller cannot
     * tell them apart. Not remembered: a rotated secret stops working at once.
     */
    public Optional<WebhookRoute> salesforceEndpoint(long integrationId, String presentedSecret) {
        var found = transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, status, external_account_id, endpoint_secret_hash"
                                + " from scoreline_salesforce_endpoint(?)", integrationId)
                .fetchOptional(row -> new SalesforceEndpoint(new WebhookRoute(row.get("id", Long.class),
                        row.get("organization_id", Long.class), CrmProvider.SALESFORCE,
                        IntegrationStatus.fromKey(row.get("status", String.class)),
                        Optional.ofNullable(row.get("external_account_id", String.class))),
                        Optional.ofNullable(row.get("endpoint_secret_hash", byte[].class)))));
        // Compared even when nothing is found, so that an unknown id answers no faster than a wrong secret.
        boolean matches = EndpointSecret.matches(presentedSecret, found.flatMap(SalesforceEndpoint::secretHash));
        return matches ? found.map(SalesforceEndpoint::route) : Optional.empty();
    }

    private record SalesforceEndpoint(WebhookRoute route, Optional<byte[]> secretHash) {
    }

    /**
     * The integration of this CRM account (HubSpot portal id, Salesforce org id); an active one
     * first when several organizations connected the same account.
     */
    public Optional<WebhookRoute> byAccount(CrmProvider provider, String externalAccountId) {
        var key = provider.key() + ":" + externalAccountId;
        var now = clock.instant();
        var remembered = active.get(key);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.route());
        }
        var found = lookUp(provider, externalAccountId);
        found.filter(route -> route.status() == IntegrationStatus.ACTIVE)
                .ifPresentOrElse(route -> active.put(key, new Remembered(route, now.plus(REMEMBER_ACTIVE))), () -> active.remove(key));
        return found;
    }

    private Optional<WebhookRoute> lookUp(CrmProvider provider, String externalAccountId) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(SELECT
                        + " where provider = ? and external_account_id = ? order by (status = 'active') desc, id limit 1",
                        provider.key(), externalAccountId)
                .fetchOptional(WebhookRoutes::toRoute));
    }

    private static WebhookRoute toRoute(Record row) {
        return new WebhookRoute(row.get("id", Long.class), row.get("organization_id", Long.class),
                CrmProvider.fromKey(row.get("provider", String.class)), IntegrationStatus.fromKey(row.get("status", String.class)),
                Optional.ofNullable(row.get("external_account_id", String.class)));
    }
}
