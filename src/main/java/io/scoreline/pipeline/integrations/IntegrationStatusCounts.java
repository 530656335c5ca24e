package io.scoreline.pipeline.integrations;

import io.scoreline.pipeline.database.TenantTransactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many integrations of every organization are in each status, for {@code /metrics}: an
 * operator alerts on {@code needs_attention} and {@code needs_reauth} without a tenant. Tenant
 * tables hide other organizations' rows, so this counts through the owner-run directory
 * function, which returns directory columns only.
 */
@Singleton
public final class IntegrationStatusCounts {

    private final TenantTransactions transactions;

    @Inject
    public IntegrationStatusCounts(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Every status, zero included. */
    public Map<IntegrationStatus, Long> count() {
        var counts = new EnumMap<IntegrationStatus, Long>(IntegrationStatus.class);
        for (var status : IntegrationStatus.values()) {
            counts.put(status, 0L);
        }
        transactions
                .withoutOrganization(tx -> tx.resultQuery(
                                "select status, count(*) as n from scoreline_integration_directory() group by status")
                        .fetch())
                .forEach(row -> counts.put(
                        IntegrationStatus.fromKey(row.get("status", String.class)), row.get("n", Long.class)));
        return counts;
    }
}
