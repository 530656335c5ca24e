package io.scoreline.pipeline.scheduling;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;

/**
 * Every organization's integrations as the scheduler needs them. Tenant tables hide rows outside
 * the current organization, so this reads the owner-run directory function, which returns
 * directory columns only.
 */
public final class IntegrationDirectory {

    private static final String SELECT =
            "select id, organization_id, status, schedule_minute from scoreline_integration_directory()";

    private final TenantTransactions transactions;

    public IntegrationDirectory(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public List<IntegrationSchedule> all() {
        return transactions.withoutOrganization(
                tx -> tx.resultQuery(SELECT + " order by id").fetch(IntegrationDirectory::toSchedule));
    }

    public Optional<IntegrationSchedule> find(long integrationId) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(SELECT + " where id = ?", integrationId)
                .fetchOptional(IntegrationDirectory::toSchedule));
    }

    private static IntegrationSchedule toSchedule(Record row) {
        return new IntegrationSchedule(
                row.get("id", Long.class),
                row.get("organization_id", Long.class),
                IntegrationStatus.fromKey(row.get("status", String.class)),
                row.get("schedule_minute", Integer.class));
    }
}
