package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
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

    public Optional<WebhookRoute> byId(long integrationId) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(SELECT + " where id = ?", integrationId)
                .fetchOptional(WebhookRoutes::toRoute));
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
