package io.scoreline.pipeline.rules;

import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.MappingRuleSetsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * Versioned, immutable rule sets: saving never edits a version, it adds the next one and makes it
 * the active one, in one transaction. Callers validate the document before they save it.
 */
public final class RuleSetStore {

    private final TenantTransactions transactions;

    public RuleSetStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public StoredRuleSet saveNewVersion(long organizationId, long integrationId, String document, String createdBy) {
        return transactions.inOrganization(organizationId, tx -> {
            // Serializes concurrent saves for one integration: versions stay gap-free and unique.
            tx.execute("select pg_advisory_xact_lock(hashtext('mapping_rule_sets'), ?::int)", (int) integrationId);
            int next = tx.select(DSL.coalesce(DSL.max(MAPPING_RULE_SETS.VERSION), 0).plus(1))
                    .from(MAPPING_RULE_SETS)
                    .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                    .fetchSingle().value1();
            tx.update(MAPPING_RULE_SETS).set(MAPPING_RULE_SETS.ACTIVE, false)
                    .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId)).and(MAPPING_RULE_SETS.ACTIVE)
                    .execute();
            return toStored(tx.insertInto(MAPPING_RULE_SETS)
                    .set(MAPPING_RULE_SETS.ORGANIZATION_ID, organizationId)
                    .set(MAPPING_RULE_SETS.INTEGRATION_ID, integrationId)
                    .set(MAPPING_RULE_SETS.VERSION, next)
                    .set(MAPPING_RULE_SETS.DOCUMENT, document)
                    .set(MAPPING_RULE_SETS.ACTIVE, true)
                    .set(MAPPING_RULE_SETS.CREATED_BY, createdBy)
                    .returning()
                    .fetchSingle());
        });
    }

    public Optional<StoredRuleSet> active(long organizationId, long integrationId) {
        return transactions.inOrganization(organizationId, tx -> tx.selectFrom(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId)).and(MAPPING_RULE_SETS.ACTIVE)
                .fetchOptional(RuleSetStore::toStored));
    }

    public List<StoredRuleSet> versions(long organizationId, long integrationId) {
        return transactions.inOrganization(organizationId, tx -> tx.selectFrom(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .orderBy(MAPPING_RULE_SETS.VERSION)
                .fetch(RuleSetStore::toStored));
    }

    private static StoredRuleSet toStored(MappingRuleSetsRecord r) {
        return new StoredRuleSet(r.getId(), r.getIntegrationId(), r.getVersion(), r.getDocument(), r.getActive(),
                r.getCreatedAt().toInstant());
    }
}
