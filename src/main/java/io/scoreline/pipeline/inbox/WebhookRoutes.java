package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.util.Optional;
import org.jooq.Record;

/**
 * Finds the integration a webhook is for before we know its organization: through the owner-run
 * integration directory (V2), which exposes no credentials and no tenant data.
 */
public final class WebhookRoutes {

    private static final String SELECT =
            "select id, organization_id, provider, status, external_account_id from scoreline_integration_directory()";

    private final TenantTransactions transactions;

    public WebhookRoutes(TenantTransactions transactions) {
        this.transactions = transactions;
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
