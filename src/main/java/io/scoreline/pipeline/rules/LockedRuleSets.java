package io.scoreline.pipeline.rules;

import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.db.tables.records.MappingRuleSetsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The rule sets of one integration inside a transaction of {@link RuleSetStore}: only valid while
 * that transaction runs (as the argument of {@link RuleSetStore#locked}, under the integration's lock).
 */
public final class LockedRuleSets {

    private final DSLContext tx;
    private final long organizationId;
    private final long integrationId;

    LockedRuleSets(DSLContext tx, long organizationId, long integrationId) {
        this.tx = tx;
        this.organizationId = organizationId;
        this.integrationId = integrationId;
    }

    public Optional<StoredRuleSet> active() {
        return tx.selectFrom(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .and(MAPPING_RULE_SETS.ACTIVE)
                .fetchOptional(LockedRuleSets::toStored);
    }

    public List<StoredRuleSet> versions() {
        return tx.selectFrom(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .orderBy(MAPPING_RULE_SETS.VERSION)
                .fetch(LockedRuleSets::toStored);
    }

    /** Adds the next version and makes it the active one. */
    public StoredRuleSet saveNext(String document, String createdBy) {
        int next = tx.select(DSL.coalesce(DSL.max(MAPPING_RULE_SETS.VERSION), 0).plus(1))
                .from(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .fetchSingle()
                .value1();
        deactivate();
        return toStored(tx.insertInto(MAPPING_RULE_SETS)
                .set(MAPPING_RULE_SETS.ORGANIZATION_ID, organizationId)
                .set(MAPPING_RULE_SETS.INTEGRATION_ID, integrationId)
                .set(MAPPING_RULE_SETS.VERSION, next)
                .set(MAPPING_RULE_SETS.DOCUMENT, document)
                .set(MAPPING_RULE_SETS.ACTIVE, true)
                .set(MAPPING_RULE_SETS.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    /** Makes a stored version the active one again; the version itself is not edited. */
    public StoredRuleSet activate(int version) {
        deactivate();
        return toStored(tx.update(MAPPING_RULE_SETS)
                .set(MAPPING_RULE_SETS.ACTIVE, true)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .and(MAPPING_RULE_SETS.VERSION.eq(version))
                .returning()
                .fetchSingle());
    }

    /** Records a change of these rule sets in the same transaction (issue 21: every API write is audited). */
    public void audit(AuditEntry entry) {
        AuditLog.append(tx, organizationId, entry);
    }

    // Before the insert or update: one active version per integration is a unique index.
    private void deactivate() {
        tx.update(MAPPING_RULE_SETS)
                .set(MAPPING_RULE_SETS.ACTIVE, false)
                .where(MAPPING_RULE_SETS.INTEGRATION_ID.eq(integrationId))
                .and(MAPPING_RULE_SETS.ACTIVE)
                .execute();
    }

    private static StoredRuleSet toStored(MappingRuleSetsRecord r) {
        return new StoredRuleSet(
                r.getId(),
                r.getIntegrationId(),
                r.getVersion(),
                r.getDocument(),
                r.getActive(),
                r.getCreatedAt().toInstant(),
                Optional.ofNullable(r.getCreatedBy()));
    }
}
