package io.scoreline.pipeline.integrations.catalogs;

import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.IntegrationCatalogsRecord;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * The stored versions of each integration's catalog. A reading equal to the latest version only
 * moves that version's check time: versions record changes of the account, not every reading.
 */
public final class IntegrationCatalogStore {

    private final TenantTransactions transactions;

    public IntegrationCatalogStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Optional<StoredCatalog> latest(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(INTEGRATION_CATALOGS)
                        .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(integrationId))
                        .orderBy(INTEGRATION_CATALOGS.VERSION.desc())
                        .limit(1)
                        .fetchOptional(IntegrationCatalogStore::toStored));
    }

    /** The version before the latest one: what the rules compiled against before the latest change. */
    public Optional<StoredCatalog> previous(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(INTEGRATION_CATALOGS)
                        .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(integrationId))
                        .orderBy(INTEGRATION_CATALOGS.VERSION.desc())
                        .limit(1)
                        .offset(1)
                        .fetchOptional(IntegrationCatalogStore::toStored));
    }

    /**
     * Stores {@code read} as the next version, or, when it has the same objects and fields as the
     * latest version, marks that version checked at {@code read.readAt()}. One transaction under the
     * integration's catalog lock, so two refreshes cannot both add the same version.
     */
    public StoredCatalog record(long organizationId, long integrationId, CatalogRead read) {
        return transactions.inOrganization(organizationId, tx -> {
            tx.execute("select pg_advisory_xact_lock(hashtext('integration_catalogs'), ?::int)", (int) integrationId);
            var latest = tx.selectFrom(INTEGRATION_CATALOGS)
                    .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(integrationId))
                    .orderBy(INTEGRATION_CATALOGS.VERSION.desc())
                    .limit(1)
                    .fetchOptional(IntegrationCatalogStore::toStored);
            if (latest.isPresent() && latest.get().read().catalog().equals(read.catalog())) {
                return toStored(tx.update(INTEGRATION_CATALOGS)
                        .set(INTEGRATION_CATALOGS.CHECKED_AT, read.readAt().atOffset(ZoneOffset.UTC))
                        .where(INTEGRATION_CATALOGS.ID.eq(latest.get().id()))
                        .returning()
                        .fetchSingle());
            }
            int next = latest.map(StoredCatalog::version).orElse(0) + 1;
            return toStored(tx.insertInto(INTEGRATION_CATALOGS)
                    .set(INTEGRATION_CATALOGS.ORGANIZATION_ID, organizationId)
                    .set(INTEGRATION_CATALOGS.INTEGRATION_ID, integrationId)
                    .set(INTEGRATION_CATALOGS.VERSION, next)
                    .set(INTEGRATION_CATALOGS.CATALOG, CatalogJson.write(read))
                    .set(INTEGRATION_CATALOGS.READ_AT, read.readAt().atOffset(ZoneOffset.UTC))
                    .set(INTEGRATION_CATALOGS.CHECKED_AT, read.readAt().atOffset(ZoneOffset.UTC))
                    .set(INTEGRATION_CATALOGS.API_CALLS, read.apiCalls())
                    .returning()
                    .fetchSingle());
        });
    }

    /** How many versions an integration has (tests and {@code integration describe} show it). */
    public int versions(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(DSL.count())
                        .from(INTEGRATION_CATALOGS)
                        .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(integrationId))
                        .fetchSingle()
                        .value1());
    }

    private static StoredCatalog toStored(IntegrationCatalogsRecord r) {
        var read = CatalogJson.read(r.getCatalog(), "stored catalog version " + r.getVersion());
        // The columns are the truth for time and cost; the JSON carries them for files.
        return new StoredCatalog(
                r.getId(),
                r.getIntegrationId(),
                r.getVersion(),
                new CatalogRead(read.catalog(), r.getReadAt().toInstant(), r.getApiCalls()),
                r.getCheckedAt().toInstant());
    }
}
