package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.CRM_IDENTITIES;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.BinaryArrayParam;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Writes one page of CRM records in one transaction (DESIGN §4.3): latest raw state, fact diff,
 * {@code kpi_values} deltas, one outbox row per changed cell, and whatever else must commit with
 * them (the checkpoint). A crash anywhere leaves nothing, and re-running the page changes nothing.
 */
public final class PageWriter {

    // Locks in array position order, which is Java's record-id order, the order the raw upsert
    // locks in; an ORDER BY record_id would follow the database collation, which may differ.
    private static final String LOCK_ROWS = """
            select %s
              from crm_records c
              join unnest({2}) with ordinality as r(record_id, ord) on r.record_id = c.record_id
             where c.integration_id = {0} and c.object_type = {1}
             order by r.ord
               for update of c""";
    private static final String LOCK_STORED = LOCK_ROWS.formatted("c.record_id, c.field_set_id, c.deleted");
    // The same lock, returning the state it locks (what an amendment starts from).
    private static final String LOCK_STATE =
            LOCK_ROWS.formatted("c.record_id, c.modstamp, c.deleted, c.fields::text, c.field_set_id");

    /**
     * Its own comparator, not {@code Comparator.comparing}: that one's lambda is shared by every
     * caller in the JVM, so its profile sees many key extractors; this one stays monomorphic.
     */
    private static final Comparator<CrmRecord> BY_RECORD_ID =
            (a, b) -> a.recordId().compareTo(b.recordId());

    private final TenantTransactions transactions;
    private final FieldSets fieldSets;

    public PageWriter(TenantTransactions transactions) {
        this.transactions = transactions;
        this.fieldSets = new FieldSets(transactions);
    }

    /**
     * @param alsoInTransaction work that must commit atomically with the page, such as advancing
     *                          the checkpoint and counting the run; it runs last, inside the same
     *                          transaction, and sees what the page did
     */
    public PageResult write(
            long organizationId,
            long integrationId,
            String objectType,
            List<CrmRecord> records,
            FactDeriver deriver,
            ChangeOrigin origin,
            BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        return write(
                organizationId,
                integrationId,
                objectType,
                records,
                deriver,
                origin,
                CommitTurn.first(),
                alsoInTransaction);
    }

    /**
     * The same, as one of several pages in flight: {@code turn} orders this page's writes and
     * commit after the previous page's (see {@link CommitTurn}).
     */
    public PageResult write(
            long organizationId,
            long integrationId,
            String objectType,
            List<CrmRecord> records,
            FactDeriver deriver,
            ChangeOrigin origin,
            CommitTurn turn,
            BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        // Everything that needs no database is done before this page's turn: while the page
        // before it writes, this one serializes and derives (ADR 0013).
        var latest = latestPerRecord(objectType, records);
        var rows = RawRecordUpserter.rows(latest);
        var derived = derive(latest, deriver);
        // Every path that writes records read them for these rules (sync and backfill query the
        // rules' fields, read-backs and remap's re-reads too): that is what they are stored as read with.
        long fieldSetId =
                fieldSets.idOf(organizationId, integrationId, objectType, FieldSet.of(deriver.fieldsRead(objectType)));
        turn.awaitWriteTurn();
        return transactions.inOrganization(organizationId, tx -> {
            var applied = RawRecordUpserter.upsert(tx, organizationId, integrationId, objectType, rows, fieldSetId);
            // This page's records are locked: the next page may lock its own. A record in both
            // waits for this page's commit at its upsert, before it touches that record's facts.
            turn.recordsWritten();
            return apply(
                    tx,
                    organizationId,
                    integrationId,
                    objectType,
                    applied,
                    latest.size() - applied.current().size(),
                    derived,
                    deriver.ruleSetId(),
                    origin,
                    turn,
                    alsoInTransaction);
        });
    }

    /**
     * Re-derives the facts of records already stored (remap: a rule change or a late owner link),
     * without touching their raw state. The records are locked first, as a sync writing the same
     * records would lock them, so the two cannot interleave.
     */
    public PageResult rederive(
            long organizationId,
            long integrationId,
            String objectType,
            List<CrmRecord> storedRecords,
            FactDeriver deriver,
            ChangeOrigin origin,
            BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var sorted = latestPerRecord(objectType, storedRecords);
        var derived = derive(sorted, deriver);
        return transactions.inOrganization(organizationId, tx -> {
            var ids = sorted.stream().map(CrmRecord::recordId).toArray(String[]::new);
            var rows = tx.resultQuery(
                            LOCK_STORED,
                            DSL.val(integrationId),
                            DSL.val(objectType, SQLDataType.VARCHAR),
                            BinaryArrayParam.varchars(ids))
                    .fetch();
            var locked = new HashSet<String>();
            var setIds = new HashSet<Long>();
            for (var row : rows) {
                locked.add(row.get(0, String.class));
                setIds.add(row.get(1, Long.class));
            }
            requireReadWith(tx, objectType, deriver, rows, setIds);
            var current =
                    sorted.stream().filter(r -> locked.contains(r.recordId())).toList();
            return apply(
                    tx,
                    organizationId,
                    integrationId,
                    objectType,
                    new RawRecordUpserter.Applied(current, Set.of()),
                    0,
                    derived,
                    deriver.ruleSetId(),
                    origin,
                    CommitTurn.first(),
                    alsoInTransaction);
        });
    }

    /**
     * Writes new states computed from the stored states of {@code recordIds}, as one page: the
     * stored rows are locked first (in the order the raw upsert locks), so no other writer can
     * change a record between its read and its write. {@code amendment} receives the locked states
     * of the ids we hold (absent ids are records we never stored) and returns the states to write.
     * Webhook property changes use it (ADR 0016).
     */
    public PageResult amend(
            long organizationId,
            long integrationId,
            String objectType,
            Collection<String> recordIds,
            Function<Map<String, CrmRecord>, List<CrmRecord>> amendment,
            FactDeriver deriver,
            ChangeOrigin origin,
            BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var ids = recordIds.stream().distinct().sorted().toArray(String[]::new);
        return transactions.inOrganization(organizationId, tx -> {
            var stored = new HashMap<String, CrmRecord>();
            for (var row : tx.resultQuery(
                            LOCK_STATE,
                            DSL.val(integrationId),
                            DSL.val(objectType, SQLDataType.VARCHAR),
                            BinaryArrayParam.varchars(ids))
                    .fetch()) {
                var id = row.get(0, String.class);
                if (!readWith(tx, row.get(4, Long.class), objectType, deriver)) {
                    // Held without a field the rules read: as if not held, so it is read back
                    // (ADR 0034); an amendment would derive from the missing field.
                    continue;
                }
                stored.put(
                        id,
                        new CrmRecord(
                                objectType,
                                id,
                                row.get(1, OffsetDateTime.class).toInstant(),
                                row.get(2, Boolean.class),
                                StoredRecordReader.fields(row.get(3, String.class))));
            }
            var latest = latestPerRecord(objectType, amendment.apply(Collections.unmodifiableMap(stored)));
            var derived = derive(latest, deriver);
            var applied = RawRecordUpserter.upsert(
                    tx, organizationId, integrationId, objectType, RawRecordUpserter.rows(latest), null);
            return apply(
                    tx,
                    organizationId,
                    integrationId,
                    objectType,
                    applied,
                    latest.size() - applied.current().size(),
                    derived,
                    deriver.ruleSetId(),
                    origin,
                    CommitTurn.first(),
                    alsoInTransaction);
        });
    }

    /** Whether a record stored with this field set was read with every field the rules read. */
    private boolean readWith(DSLContext tx, Long fieldSetId, String objectType, FactDeriver deriver) {
        var wanted = deriver.fieldsRead(objectType);
        if (wanted.isEmpty()) {
            return true;
        }
        var sets = fieldSets.byIds(tx, java.util.Collections.singleton(fieldSetId));
        return fieldSets.of(sets, fieldSetId).covers(wanted);
    }

    /**
     * The guard of ADR 0034: no fact is derived from a stored record read without a field the
     * rules read. Remap re-reads such records first; a path that reaches here without doing so
     * is a bug, refused before it writes wrong facts. The sets are few and cached: one lookup per
     * distinct set on the page.
     */
    private void requireReadWith(
            DSLContext tx,
            String objectType,
            FactDeriver deriver,
            org.jooq.Result<org.jooq.Record> rows,
            Set<Long> setIds) {
        var wanted = deriver.fieldsRead(objectType);
        if (wanted.isEmpty()) {
            return;
        }
        var sets = fieldSets.byIds(tx, setIds);
        var lacking = new HashSet<Long>();
        for (var id : setIds) {
            if (!fieldSets.of(sets, id).covers(wanted)) {
                lacking.add(id);
            }
        }
        if (lacking.isEmpty()) {
            return;
        }
        for (var row : rows) {
            if (!Boolean.TRUE.equals(row.get(2, Boolean.class)) && lacking.contains(row.get(1, Long.class))) {
                throw new ScorelineException(
                        FailureKind.BUG,
                        objectType + " " + row.get(0, String.class) + " was stored without "
                                + fieldSets.of(sets, row.get(1, Long.class)).missing(wanted)
                                + ", which the rules read: it must be read again before its facts are derived");
            }
        }
    }

    private PageResult apply(
            DSLContext tx,
            long organizationId,
            long integrationId,
            String objectType,
            RawRecordUpserter.Applied applied,
            int stale,
            Map<String, List<DerivedFact>> derived,
            Long ruleSetId,
            ChangeOrigin origin,
            CommitTurn turn,
            BiConsumer<DSLContext, PageResult> alsoInTransaction) {
        var changes = diff(tx, integrationId, objectType, applied, derived);
        FactStore.write(tx, organizationId, integrationId, objectType, changes, ruleSetId);
        // From here on the page touches rows other pages share (KPI cells, the run, the
        // checkpoint): only after the page before it has committed.
        turn.awaitCommitTurn();
        KpiValueDeltas.apply(tx, organizationId, changes, origin);
        var result = new PageResult(
                applied.current().size(),
                stale,
                changes.factsChanged(),
                changes.touchedCells().size());
        alsoInTransaction.accept(tx, result);
        return result;
    }

    /** One state per record (the newest), sorted by id so that concurrent writers lock in one order. */
    private static List<CrmRecord> latestPerRecord(String objectType, List<CrmRecord> records) {
        var byId = new HashMap<String, CrmRecord>();
        for (var record : records) {
            if (!record.objectType().equals(objectType)) {
                throw new ScorelineException(
                        FailureKind.BUG, "a page of " + objectType + " holds a " + record.objectType());
            }
            byId.merge(record.recordId(), record, (a, b) -> b.modstamp().isBefore(a.modstamp()) ? a : b);
        }
        var sorted = new ArrayList<>(byId.values());
        sorted.sort(BY_RECORD_ID);
        return sorted;
    }

    /** Record id → the facts the rules derive from it (none for a deleted record). */
    private static Map<String, List<DerivedFact>> derive(List<CrmRecord> records, FactDeriver deriver) {
        var derived = new HashMap<String, List<DerivedFact>>();
        for (var record : records) {
            derived.put(record.recordId(), record.deleted() ? List.of() : deriver.derive(record));
        }
        return derived;
    }

    private static FactChanges diff(
            DSLContext tx,
            long integrationId,
            String objectType,
            RawRecordUpserter.Applied applied,
            Map<String, List<DerivedFact>> derived) {
        var changes = new FactChanges();
        var records = applied.current();
        if (records.isEmpty()) {
            return changes;
        }
        // Only records stored before this page can have facts: a first backfill reads none.
        var storedBefore = records.stream()
                .filter(r -> !applied.firstStored().contains(r.recordId()))
                .toList();
        var stored = storedBefore.isEmpty()
                ? Map.<String, Map<String, StoredFact>>of()
                : FactStore.stored(tx, integrationId, objectType, storedBefore);
        // Each record's facts, looked up once, in the order of records.
        var factsOf = new ArrayList<List<DerivedFact>>(records.size());
        var owners = new HashSet<String>();
        for (var record : records) {
            var facts = derived.get(record.recordId());
            factsOf.add(facts);
            for (var fact : facts) {
                if (fact.crmUserId() != null) {
                    owners.add(fact.crmUserId());
                }
            }
        }
        var profiles = profilesOf(tx, integrationId, owners);
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            var after = new HashMap<String, StoredFact>();
            for (var fact : factsOf.get(i)) {
                var profile = fact.crmUserId() == null ? null : profiles.get(fact.crmUserId());
                var previous = after.put(
                        fact.kpiKey(),
                        new StoredFact(
                                record.recordId(),
                                fact.kpiKey(),
                                profile,
                                fact.crmUserId(),
                                fact.localDate(),
                                fact.occurredAt(),
                                fact.value(),
                                fact.distinctValue()));
                if (previous != null) {
                    throw new ScorelineException(
                            FailureKind.BUG,
                            "two facts for KPI " + fact.kpiKey() + " from record " + record.recordId());
                }
            }
            changes.compare(stored.getOrDefault(record.recordId(), Map.of()), after);
        }
        return changes;
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
}
