package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.CRM_IDENTITIES;
import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.KPI_CHANGES;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Writes one page of CRM records in one transaction (DESIGN §4.3): latest raw state, fact diff,
 * {@code kpi_values} deltas, one outbox row per changed cell, and whatever else must commit with
 * them (the checkpoint). A crash anywhere leaves nothing, and re-running the page changes nothing.
 */
public final class PageWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;

    public PageWriter(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param alsoInTransaction work that must commit atomically with the page, such as advancing
     *                          the checkpoint and counting the run; it runs last, inside the same
     *                          transaction, and sees what the page did
     */
    public PageResult write(long organizationId, long integrationId, String objectType, List<CrmRecord> records,
            FactDeriver deriver, ChangeOrigin origin, BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var latest = latestPerRecord(objectType, records);
        return transactions.inOrganization(organizationId, tx -> {
            var current = storeRawRecords(tx, organizationId, integrationId, objectType, latest);
            return apply(tx, organizationId, integrationId, objectType, current, latest.size() - current.size(), deriver, origin,
                    alsoInTransaction);
        });
    }

    /**
     * Re-derives the facts of records already stored (remap: a rule change or a late owner link),
     * without touching their raw state. The records are locked first, as a sync writing the same
     * records would lock them, so the two cannot interleave.
     */
    public PageResult rederive(long organizationId, long integrationId, String objectType, List<CrmRecord> storedRecords,
            FactDeriver deriver, ChangeOrigin origin, BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var sorted = latestPerRecord(objectType, storedRecords);
        return transactions.inOrganization(organizationId, tx -> {
            var ids = sorted.stream().map(CrmRecord::recordId).toArray(String[]::new);
            var locked = new HashSet<>(tx.select(CRM_RECORDS.RECORD_ID).from(CRM_RECORDS)
                    .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                    .and(CRM_RECORDS.OBJECT_TYPE.eq(objectType))
                    .and(CRM_RECORDS.RECORD_ID.eq(DSL.any(ids)))
                    .orderBy(CRM_RECORDS.RECORD_ID)
                    .forUpdate()
                    .fetch(CRM_RECORDS.RECORD_ID));
            var current = sorted.stream().filter(r -> locked.contains(r.recordId())).toList();
            return apply(tx, organizationId, integrationId, objectType, current, 0, deriver, origin, alsoInTransaction);
        });
    }

    private PageResult apply(DSLContext tx, long organizationId, long integrationId, String objectType, List<CrmRecord> current,
            int stale, FactDeriver deriver, ChangeOrigin origin, BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var changes = diff(tx, integrationId, objectType, current, deriver);
        writeFacts(tx, organizationId, integrationId, objectType, changes, deriver.ruleSetId());
        applyDeltas(tx, organizationId, changes);
        enqueueChanges(tx, organizationId, changes, origin);
        var result = new PageResult(current.size(), stale, changes.factsChanged(), changes.touchedCells().size());
        alsoInTransaction.accept(tx, result);
        return result;
    }

    /** One state per record (the newest), sorted by id so that concurrent writers lock in one order. */
    private static List<CrmRecord> latestPerRecord(String objectType, List<CrmRecord> records) {
        var byId = new HashMap<String, CrmRecord>();
        for (var record : records) {
            if (!record.objectType().equals(objectType)) {
                throw new ScorelineException(FailureKind.BUG, "a page of " + objectType + " holds a " + record.objectType());
            }
            byId.merge(record.recordId(), record, (a, b) -> b.modstamp().isBefore(a.modstamp()) ? a : b);
        }
        var sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(CrmRecord::recordId));
        return sorted;
    }

    /**
     * Upserts the raw records unless we already hold a newer state (an out-of-order webhook or a
     * lookback overlap). Returns the records whose state is now current; the upsert also locks
     * their rows, so two writers of one record cannot both diff against the same old facts.
     */
    private static List<CrmRecord> storeRawRecords(DSLContext tx, long organizationId, long integrationId, String objectType,
            List<CrmRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        var insert = tx.insertInto(CRM_RECORDS, CRM_RECORDS.ORGANIZATION_ID, CRM_RECORDS.INTEGRATION_ID, CRM_RECORDS.OBJECT_TYPE,
                CRM_RECORDS.RECORD_ID, CRM_RECORDS.MODSTAMP, CRM_RECORDS.DELETED, CRM_RECORDS.FIELDS);
        for (var record : records) {
            insert = insert.values(organizationId, integrationId, objectType, record.recordId(),
                    OffsetDateTime.ofInstant(record.modstamp(), ZoneOffset.UTC), record.deleted(), JSONB.valueOf(toJson(record.fields())));
        }
        var applied = new HashSet<>(insert.onConflict(CRM_RECORDS.INTEGRATION_ID, CRM_RECORDS.OBJECT_TYPE, CRM_RECORDS.RECORD_ID)
                .doUpdate()
                .set(CRM_RECORDS.MODSTAMP, DSL.excluded(CRM_RECORDS.MODSTAMP))
                .set(CRM_RECORDS.DELETED, DSL.excluded(CRM_RECORDS.DELETED))
                .set(CRM_RECORDS.FIELDS, DSL.excluded(CRM_RECORDS.FIELDS))
                .set(CRM_RECORDS.FETCHED_AT, DSL.currentOffsetDateTime())
                .where(DSL.excluded(CRM_RECORDS.MODSTAMP).ge(CRM_RECORDS.MODSTAMP))
                .returning(CRM_RECORDS.RECORD_ID)
                .fetch(CRM_RECORDS.RECORD_ID));
        return records.stream().filter(r -> applied.contains(r.recordId())).toList();
    }

    private static FactChanges diff(DSLContext tx, long integrationId, String objectType, List<CrmRecord> records,
            FactDeriver deriver) {
        var changes = new FactChanges();
        if (records.isEmpty()) {
            return changes;
        }
        var stored = storedFacts(tx, integrationId, objectType, records);
        var derived = new LinkedHashMap<String, List<DerivedFact>>();
        var owners = new HashSet<String>();
        for (var record : records) {
            var facts = record.deleted() ? List.<DerivedFact>of() : deriver.derive(record);
            derived.put(record.recordId(), facts);
            facts.stream().map(DerivedFact::crmUserId).filter(java.util.Objects::nonNull).forEach(owners::add);
        }
        var profiles = profilesOf(tx, integrationId, owners);
        for (var record : records) {
            var after = new HashMap<String, StoredFact>();
            for (var fact : derived.get(record.recordId())) {
                var profile = fact.crmUserId() == null ? null : profiles.get(fact.crmUserId());
                var previous = after.put(fact.kpiKey(), new StoredFact(record.recordId(), fact.kpiKey(), profile, fact.crmUserId(),
                        fact.localDate(), fact.occurredAt(), fact.value()));
                if (previous != null) {
                    throw new ScorelineException(FailureKind.BUG, "two facts for KPI " + fact.kpiKey() + " from record " + record.recordId());
                }
            }
            changes.compare(stored.getOrDefault(record.recordId(), Map.of()), after);
        }
        return changes;
    }

    private static Map<String, Map<String, StoredFact>> storedFacts(DSLContext tx, long integrationId, String objectType,
            List<CrmRecord> records) {
        var ids = records.stream().map(CrmRecord::recordId).toArray(String[]::new);
        var result = new HashMap<String, Map<String, StoredFact>>();
        tx.selectFrom(KPI_FACTS)
                .where(KPI_FACTS.INTEGRATION_ID.eq(integrationId))
                .and(KPI_FACTS.OBJECT_TYPE.eq(objectType))
                .and(KPI_FACTS.RECORD_ID.eq(DSL.any(ids)))
                .forEach(row -> result.computeIfAbsent(row.getRecordId(), k -> new HashMap<>()).put(row.getKpiKey(),
                        new StoredFact(row.getRecordId(), row.getKpiKey(), row.getProfileId(), row.getCrmUserId(), row.getLocalDate(),
                                row.getOccurredAt() == null ? null : row.getOccurredAt().toInstant(), row.getValue())));
        return result;
    }

    /** CRM user id → profile, for the owners linked by {@code users sync}; unmatched owners are absent. */
    private static Map<String, Long> profilesOf(DSLContext tx, long integrationId, Set<String> crmUserIds) {
        if (crmUserIds.isEmpty()) {
            return Map.of();
        }
        return tx.select(CRM_IDENTITIES.CRM_USER_ID, CRM_IDENTITIES.PROFILE_ID)
                .from(CRM_IDENTITIES)
                .where(CRM_IDENTITIES.INTEGRATION_ID.eq(integrationId))
                .and(CRM_IDENTITIES.CRM_USER_ID.eq(DSL.any(crmUserIds.toArray(String[]::new))))
                .and(CRM_IDENTITIES.PROFILE_ID.isNotNull())
                .fetchMap(CRM_IDENTITIES.CRM_USER_ID, CRM_IDENTITIES.PROFILE_ID);
    }

    private static void writeFacts(DSLContext tx, long organizationId, long integrationId, String objectType,
            FactChanges changes, Long ruleSetId) {
        if (!changes.deletes().isEmpty()) {
            var gone = changes.deletes().stream().map(f -> DSL.row(f.recordId(), f.kpiKey())).toList();
            tx.deleteFrom(KPI_FACTS)
                    .where(KPI_FACTS.INTEGRATION_ID.eq(integrationId))
                    .and(KPI_FACTS.OBJECT_TYPE.eq(objectType))
                    .and(DSL.row(KPI_FACTS.RECORD_ID, KPI_FACTS.KPI_KEY).in(gone))
                    .execute();
        }
        if (changes.upserts().isEmpty()) {
            return;
        }
        var insert = tx.insertInto(KPI_FACTS, KPI_FACTS.ORGANIZATION_ID, KPI_FACTS.INTEGRATION_ID, KPI_FACTS.OBJECT_TYPE,
                KPI_FACTS.RECORD_ID, KPI_FACTS.KPI_KEY, KPI_FACTS.PROFILE_ID, KPI_FACTS.CRM_USER_ID, KPI_FACTS.LOCAL_DATE,
                KPI_FACTS.OCCURRED_AT, KPI_FACTS.VALUE, KPI_FACTS.RULE_SET_ID);
        for (var fact : changes.upserts()) {
            insert = insert.values(organizationId, integrationId, objectType, fact.recordId(), fact.kpiKey(), fact.profileId(),
                    fact.crmUserId(), fact.localDate(), fact.occurredAt() == null ? null : OffsetDateTime.ofInstant(fact.occurredAt(), ZoneOffset.UTC),
                    fact.value(), ruleSetId);
        }
        insert.onConflict(KPI_FACTS.INTEGRATION_ID, KPI_FACTS.OBJECT_TYPE, KPI_FACTS.RECORD_ID, KPI_FACTS.KPI_KEY)
                .doUpdate()
                .set(KPI_FACTS.PROFILE_ID, DSL.excluded(KPI_FACTS.PROFILE_ID))
                .set(KPI_FACTS.CRM_USER_ID, DSL.excluded(KPI_FACTS.CRM_USER_ID))
                .set(KPI_FACTS.LOCAL_DATE, DSL.excluded(KPI_FACTS.LOCAL_DATE))
                .set(KPI_FACTS.OCCURRED_AT, DSL.excluded(KPI_FACTS.OCCURRED_AT))
                .set(KPI_FACTS.VALUE, DSL.excluded(KPI_FACTS.VALUE))
                .set(KPI_FACTS.RULE_SET_ID, DSL.excluded(KPI_FACTS.RULE_SET_ID))
                .set(KPI_FACTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Adds the deltas to the daily cells, then drops cells no fact contributes to any more. */
    private static void applyDeltas(DSLContext tx, long organizationId, FactChanges changes) {
        var deltas = changes.deltas();
        if (deltas.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(KPI_VALUES, KPI_VALUES.ORGANIZATION_ID, KPI_VALUES.PROFILE_ID, KPI_VALUES.KPI_KEY,
                KPI_VALUES.PERIOD_DATE, KPI_VALUES.VALUE, KPI_VALUES.FACT_COUNT);
        for (var entry : deltas.entrySet()) {
            var cell = entry.getKey();
            insert = insert.values(organizationId, cell.profileId(), cell.kpiKey(), cell.date(), entry.getValue().value(),
                    entry.getValue().count());
        }
        insert.onConflict(KPI_VALUES.ORGANIZATION_ID, KPI_VALUES.PROFILE_ID, KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE)
                .doUpdate()
                .set(KPI_VALUES.VALUE, KPI_VALUES.VALUE.plus(DSL.excluded(KPI_VALUES.VALUE)))
                .set(KPI_VALUES.FACT_COUNT, KPI_VALUES.FACT_COUNT.plus(DSL.excluded(KPI_VALUES.FACT_COUNT)))
                .set(KPI_VALUES.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
        var cells = deltas.keySet().stream().map(c -> DSL.row(c.profileId(), c.kpiKey(), c.date())).toList();
        tx.deleteFrom(KPI_VALUES)
                .where(KPI_VALUES.FACT_COUNT.eq(0))
                .and(DSL.row(KPI_VALUES.PROFILE_ID, KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE).in(cells))
                .execute();
    }

    private static void enqueueChanges(DSLContext tx, long organizationId, FactChanges changes, ChangeOrigin origin) {
        var cells = changes.touchedCells();
        if (cells.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(KPI_CHANGES, KPI_CHANGES.ORGANIZATION_ID, KPI_CHANGES.PROFILE_ID, KPI_CHANGES.KPI_KEY,
                KPI_CHANGES.PERIOD_DATE, KPI_CHANGES.ORIGIN, KPI_CHANGES.NOTIFY);
        for (var cell : cells) {
            insert = insert.values(organizationId, cell.profileId(), cell.kpiKey(), cell.date(), origin.key(), origin.notifies());
        }
        insert.execute();
    }

    private static String toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "a CRM record's fields cannot be stored as JSON: " + e.getMessage(), e);
        }
    }

}
