package io.scoreline.pipeline.facts;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.pipeline.database.BinaryArrayParam;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Stores the latest raw state of a page's records in {@code crm_records}, unless we already hold
 * a newer one (an out-of-order webhook or a lookback overlap). One set-based statement: the
 * columns travel as arrays and {@code unnest} turns them back into rows, in the caller's order.
 */
final class RawRecordUpserter {

    // Rows are inserted in array order (by ordinality), which is record-id order: concurrent
    // writers of the same records take their row locks in one order and cannot deadlock.
    // The arrays travel in binary, modstamps as microseconds since the epoch (ADR 0014).
    private static final String UPSERT = """
            insert into crm_records (organization_id, integration_id, object_type, record_id, modstamp, deleted, fields,
                                     field_set_id)
            select {0}, {1}, {2}, r.record_id, timestamptz 'epoch' + r.modstamp_micros * interval '1 microsecond',
                   r.deleted, r.fields::json, {7}
              from unnest({3}, {4}, {5}, {6}) with ordinality as r(record_id, modstamp_micros, deleted, fields, ord)
             order by r.ord
            on conflict (integration_id, object_type, record_id) do update
               set modstamp = excluded.modstamp, deleted = excluded.deleted, fields = excluded.fields,
                   field_set_id = coalesce(excluded.field_set_id, crm_records.field_set_id),
                   fetched_at = current_timestamp
             where excluded.modstamp >= crm_records.modstamp
            returning record_id, xmax = 0""";

    private RawRecordUpserter() {}

    /**
     * What the upsert changed: the records whose state is now current, and of those the ones it
     * stored for the first time. A record never stored has no facts (facts are only ever written
     * with their record's row), so the fact diff need not look them up (ADR 0017).
     */
    record Applied(List<CrmRecord> current, Set<String> firstStored) {
        static final Applied NOTHING = new Applied(List.of(), Set.of());
    }

    /** A page's records as the upsert's array parameters, built before the page's turn to write. */
    @SuppressWarnings(
            "ArrayRecordComponent") // the columns are bound as PostgreSQL arrays in one statement (ADR 0014); never
    // compared
    record Rows(List<CrmRecord> records, String[] ids, Instant[] modstamps, Boolean[] deleted, byte[][] fields) {}

    /** @param records one state per record, sorted by id */
    static Rows rows(List<CrmRecord> records) {
        int n = records.size();
        var ids = new String[n];
        var modstamps = new Instant[n];
        var deleted = new Boolean[n];
        var fields = new byte[n][];
        var json = new FieldsJson();
        for (int i = 0; i < n; i++) {
            var record = records.get(i);
            ids[i] = record.recordId();
            modstamps[i] = record.modstamp();
            deleted[i] = record.deleted();
            fields[i] = json.utf8(record.fields());
        }
        return new Rows(records, ids, modstamps, deleted, fields);
    }

    /**
     * @param fieldSetId the fields the records were read with (ADR 0034); null keeps each stored
     *                   record's own (an amendment changes values, not which fields were read)
     * @return what changed; the current records' rows stay locked until the page commits
     */
    static Applied upsert(
            DSLContext tx, long organizationId, long integrationId, String objectType, Rows rows, Long fieldSetId) {
        if (rows.records().isEmpty()) {
            return Applied.NOTHING;
        }
        var applied = new HashSet<String>();
        var firstStored = new HashSet<String>();
        // xmax = 0 marks a row version no other transaction touched: the one this insert created.
        // An updated row carries its updater's lock in xmax. Were this ever wrong for an update,
        // the facts it skips reading would be re-inserted and fail the page on kpi_facts' key.
        for (var row : tx.resultQuery(
                        UPSERT,
                        DSL.val(organizationId),
                        DSL.val(integrationId),
                        DSL.val(objectType, SQLDataType.VARCHAR),
                        BinaryArrayParam.varchars(rows.ids()),
                        BinaryArrayParam.epochMicros(rows.modstamps()),
                        BinaryArrayParam.booleans(rows.deleted()),
                        BinaryArrayParam.utf8Texts(rows.fields()),
                        DSL.val(fieldSetId, SQLDataType.BIGINT))
                .fetch()) {
            var id = row.get(0, String.class);
            applied.add(id);
            if (Boolean.TRUE.equals(row.get(1, Boolean.class))) {
                firstStored.add(id);
            }
        }
        return new Applied(
                rows.records().stream()
                        .filter(r -> applied.contains(r.recordId()))
                        .toList(),
                firstStored);
    }
}
