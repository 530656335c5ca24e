package io.scoreline.pipeline.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.BinaryArrayParam;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Stores the latest raw state of a page's records in {@code crm_records}, unless we already hold
 * a newer one (an out-of-order webhook or a lookback overlap). One set-based statement: the
 * columns travel as arrays and {@code unnest} turns them back into rows, in the caller's order.
 */
final class RawRecordUpserter {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Rows are inserted in array order (by ordinality), which is record-id order: concurrent
    // writers of the same records take their row locks in one order and cannot deadlock.
    // The arrays travel in binary, modstamps as microseconds since the epoch (ADR 0014).
    private static final String UPSERT = """
            insert into crm_records (organization_id, integration_id, object_type, record_id, modstamp, deleted, fields)
            select {0}, {1}, {2}, r.record_id, timestamptz 'epoch' + r.modstamp_micros * interval '1 microsecond',
                   r.deleted, r.fields::jsonb
              from unnest({3}, {4}, {5}, {6}) with ordinality as r(record_id, modstamp_micros, deleted, fields, ord)
             order by r.ord
            on conflict (integration_id, object_type, record_id) do update
               set modstamp = excluded.modstamp, deleted = excluded.deleted, fields = excluded.fields,
                   fetched_at = current_timestamp
             where excluded.modstamp >= crm_records.modstamp
            returning record_id""";

    private RawRecordUpserter() {
    }

    /** A page's records as the upsert's array parameters, built before the page's turn to write. */
    record Rows(List<CrmRecord> records, String[] ids, Instant[] modstamps, Boolean[] deleted, byte[][] fields) {
    }

    /** @param records one state per record, sorted by id */
    static Rows rows(List<CrmRecord> records) {
        int n = records.size();
        var ids = new String[n];
        var modstamps = new Instant[n];
        var deleted = new Boolean[n];
        var fields = new byte[n][];
        for (int i = 0; i < n; i++) {
            var record = records.get(i);
            ids[i] = record.recordId();
            modstamps[i] = record.modstamp();
            deleted[i] = record.deleted();
            fields[i] = toJson(record.fields());
        }
        return new Rows(records, ids, modstamps, deleted, fields);
    }

    /** @return the records whose state is now current; their rows stay locked until the page commits */
    static List<CrmRecord> upsert(DSLContext tx, long organizationId, long integrationId, String objectType, Rows rows) {
        if (rows.records().isEmpty()) {
            return List.of();
        }
        var applied = new HashSet<>(tx.resultQuery(UPSERT,
                DSL.val(organizationId), DSL.val(integrationId), DSL.val(objectType, SQLDataType.VARCHAR),
                BinaryArrayParam.varchars(rows.ids()),
                BinaryArrayParam.epochMicros(rows.modstamps()),
                BinaryArrayParam.booleans(rows.deleted()),
                BinaryArrayParam.utf8Texts(rows.fields()))
                .fetch(0, String.class));
        return rows.records().stream().filter(r -> applied.contains(r.recordId())).toList();
    }

    /** Straight to UTF-8: the document goes to the database as bytes and never needs to be a string. */
    private static byte[] toJson(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "a CRM record's fields cannot be stored as JSON: " + e.getMessage(), e);
        }
    }
}
