package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pages through the raw records we hold, in record-id order: what {@code remap} re-derives from. */
public final class StoredRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;

    public StoredRecordReader(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Up to {@code limit} records of one object after {@code afterRecordId}, modified at or after {@code since}. */
    public List<CrmRecord> page(
            long organizationId,
            long integrationId,
            String objectType,
            Optional<String> afterRecordId,
            Optional<Instant> since,
            int limit) {
        var condition = CRM_RECORDS.INTEGRATION_ID.eq(integrationId).and(CRM_RECORDS.OBJECT_TYPE.eq(objectType));
        if (afterRecordId.isPresent()) {
            condition = condition.and(CRM_RECORDS.RECORD_ID.gt(afterRecordId.get()));
        }
        if (since.isPresent()) {
            condition = condition.and(CRM_RECORDS.MODSTAMP.ge(OffsetDateTime.ofInstant(since.get(), ZoneOffset.UTC)));
        }
        var where = condition;
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(CRM_RECORDS)
                        .where(where)
                        .orderBy(CRM_RECORDS.RECORD_ID)
                        .limit(limit)
                        .fetch(r -> new CrmRecord(
                                r.getObjectType(),
                                r.getRecordId(),
                                r.getModstamp().toInstant(),
                                r.getDeleted(),
                                fields(r.getFields().data()))));
    }

    /**
     * The {@code limit} records of the integration modified last, newest first, deleted ones left out:
     * what a rule draft is previewed on. There is no index on the stamp (V10), so this reads the
     * integration's rows once and keeps the top ones: fine for a console preview, not for a loop.
     */
    public List<CrmRecord> recent(long organizationId, long integrationId, int limit) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(CRM_RECORDS)
                        .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                        .and(CRM_RECORDS.DELETED.isFalse())
                        .orderBy(CRM_RECORDS.MODSTAMP.desc(), CRM_RECORDS.RECORD_ID)
                        .limit(limit)
                        .fetch(r -> new CrmRecord(
                                r.getObjectType(),
                                r.getRecordId(),
                                r.getModstamp().toInstant(),
                                r.getDeleted(),
                                fields(r.getFields().data()))));
    }

    /** Object types with stored records, including those today's rules no longer read (their facts must go). */
    public List<String> objectTypes(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectDistinct(CRM_RECORDS.OBJECT_TYPE)
                        .from(CRM_RECORDS)
                        .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                        .orderBy(CRM_RECORDS.OBJECT_TYPE)
                        .fetch(CRM_RECORDS.OBJECT_TYPE));
    }

    static Map<String, Object> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "a stored record's fields are not a JSON object", e);
        }
    }

    /** Whether we hold any record of the object last modified before {@code until} (push-down safety, DESIGN §6). */
    public boolean anyModifiedBefore(long organizationId, long integrationId, String objectType, Instant until) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.fetchExists(tx.selectOne()
                        .from(CRM_RECORDS)
                        .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                        .and(CRM_RECORDS.OBJECT_TYPE.eq(objectType))
                        .and(CRM_RECORDS.MODSTAMP.lt(OffsetDateTime.ofInstant(until, ZoneOffset.UTC)))));
    }
}
