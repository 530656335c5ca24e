package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.CRM_FIELD_SETS;

import io.scoreline.pipeline.database.TenantTransactions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The deduplicated field sets of {@code crm_field_sets} (ADR 0034), cached both ways: a page looks
 * its set's id up once, in memory after the first time, so the write path pays one bigint per row.
 * A set is added in its own short transaction, committed before any record refers to it, so a
 * page that rolls back never leaves a cached id without its row.
 */
final class FieldSets {

    private record Key(long integrationId, String objectType, FieldSet fields) {}

    private final TenantTransactions transactions;
    private final Map<Key, Long> ids = new ConcurrentHashMap<>();
    private final Map<Long, FieldSet> byId = new ConcurrentHashMap<>();

    FieldSets(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** The id of the set, added if new. */
    long idOf(long organizationId, long integrationId, String objectType, FieldSet fields) {
        var key = new Key(integrationId, objectType, fields);
        var cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        long id = transactions.inOrganization(organizationId, tx -> {
            var array = fields.fields().toArray(String[]::new);
            tx.insertInto(CRM_FIELD_SETS)
                    .set(CRM_FIELD_SETS.ORGANIZATION_ID, organizationId)
                    .set(CRM_FIELD_SETS.INTEGRATION_ID, integrationId)
                    .set(CRM_FIELD_SETS.OBJECT_TYPE, objectType)
                    .set(CRM_FIELD_SETS.FIELDS, array)
                    .onConflictDoNothing()
                    .execute();
            return tx.select(CRM_FIELD_SETS.ID)
                    .from(CRM_FIELD_SETS)
                    .where(CRM_FIELD_SETS.INTEGRATION_ID.eq(integrationId))
                    .and(CRM_FIELD_SETS.OBJECT_TYPE.eq(objectType))
                    .and(CRM_FIELD_SETS.FIELDS.eq(array))
                    .fetchSingle(CRM_FIELD_SETS.ID);
        });
        ids.put(key, id);
        byId.put(id, fields);
        return id;
    }

    /** The sets of these ids, read in the caller's transaction when not cached; an unknown or null id is no set. */
    Map<Long, FieldSet> byIds(DSLContext tx, Collection<Long> setIds) {
        var found = new HashMap<Long, FieldSet>();
        var missing = new java.util.ArrayList<Long>();
        for (var id : setIds) {
            if (id == null) {
                continue;
            }
            var set = byId.get(id);
            if (set == null) {
                missing.add(id);
            } else {
                found.put(id, set);
            }
        }
        if (!missing.isEmpty()) {
            for (var row : tx.select(CRM_FIELD_SETS.ID, CRM_FIELD_SETS.FIELDS)
                    .from(CRM_FIELD_SETS)
                    .where(CRM_FIELD_SETS.ID.in(missing))
                    .fetch()) {
                var set = FieldSet.of(java.util.List.of(row.value2()));
                byId.put(row.value1(), set);
                found.put(row.value1(), set);
            }
        }
        return found;
    }

    /** The set of one id, {@link FieldSet#NONE} when the record has none. */
    FieldSet of(Map<Long, FieldSet> sets, Long id) {
        return Optional.ofNullable(id).map(sets::get).orElse(FieldSet.NONE);
    }
}
