package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.KPI_FACTS;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.pipeline.database.BinaryArrayParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code kpi_facts} of a page's records: reads what is stored, writes what changed. The
 * writes are set-based (columns as arrays through {@code unnest}), one statement each. The arrays
 * travel in PostgreSQL's binary format (ADR 0014): dates as days and instants as microseconds
 * since the epoch, amounts as decimal strings.
 */
final class FactStore {

    private static final String DELETE = """
            delete from kpi_facts f
             using unnest({2}, {3}) as gone(record_id, kpi_key)
             where f.integration_id = {0} and f.object_type = {1}
               and f.record_id = gone.record_id and f.kpi_key = gone.kpi_key""";

    // A plain insert, not ON CONFLICT: the page holds its records' crm_records rows locked and
    // every writer of a record's facts takes that lock first, so the facts read at the start of
    // the page are still all there are, and these are new. ON CONFLICT's speculative insertion
    // costs an extra index probe and WAL record per row (ADR 0009).
    private static final String INSERT = """
            insert into kpi_facts (organization_id, integration_id, object_type, record_id, kpi_key, profile_id, crm_user_id,
                                   local_date, occurred_at, value, rule_set_id, distinct_value)
            select {0}, {1}, {2}, f.record_id, f.kpi_key, f.profile_id, f.crm_user_id,
                   date '1970-01-01' + f.epoch_day, timestamptz 'epoch' + f.occurred_micros * interval '1 microsecond',
                   f.value::numeric, {3}, f.distinct_value
              from unnest({4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})
                   as f(record_id, kpi_key, profile_id, crm_user_id, epoch_day, occurred_micros, value, distinct_value)""";

    private static final String UPDATE = """
            update kpi_facts k
               set profile_id = f.profile_id, crm_user_id = f.crm_user_id, local_date = date '1970-01-01' + f.epoch_day,
                   occurred_at = timestamptz 'epoch' + f.occurred_micros * interval '1 microsecond', value = f.value::numeric,
                   rule_set_id = {3}, distinct_value = f.distinct_value, updated_at = current_timestamp
              from unnest({4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})
                   as f(record_id, kpi_key, profile_id, crm_user_id, epoch_day, occurred_micros, value, distinct_value)
             where k.integration_id = {1} and k.object_type = {2} and k.record_id = f.record_id and k.kpi_key = f.kpi_key
               and k.organization_id = {0}""";

    private FactStore() {}

    /** Record id → KPI → stored fact, for the given records. */
    static Map<String, Map<String, StoredFact>> stored(
            DSLContext tx, long integrationId, String objectType, List<CrmRecord> records) {
        var ids = records.stream().map(CrmRecord::recordId).toArray(String[]::new);
        var result = new HashMap<String, Map<String, StoredFact>>();
        tx.select(
                        KPI_FACTS.RECORD_ID,
                        KPI_FACTS.KPI_KEY,
                        KPI_FACTS.PROFILE_ID,
                        KPI_FACTS.CRM_USER_ID,
                        KPI_FACTS.LOCAL_DATE,
                        KPI_FACTS.OCCURRED_AT,
                        KPI_FACTS.VALUE,
                        KPI_FACTS.DISTINCT_VALUE)
                .from(KPI_FACTS)
                .where(KPI_FACTS.INTEGRATION_ID.eq(integrationId))
                .and(KPI_FACTS.OBJECT_TYPE.eq(objectType))
                .and(KPI_FACTS.RECORD_ID.eq(DSL.any(BinaryArrayParam.varchars(ids))))
                .forEach(row -> result.computeIfAbsent(row.value1(), k -> new HashMap<>())
                        .put(
                                row.value2(),
                                new StoredFact(
                                        row.value1(),
                                        row.value2(),
                                        row.value3(),
                                        row.value4(),
                                        row.value5(),
                                        row.value6() == null
                                                ? null
                                                : row.value6().toInstant(),
                                        row.value7(),
                                        row.value8())));
        return result;
    }

    static void write(
            DSLContext tx,
            long organizationId,
            long integrationId,
            String objectType,
            FactChanges changes,
            Long ruleSetId) {
        delete(tx, integrationId, objectType, changes.deletes());
        write(tx, UPDATE, organizationId, integrationId, objectType, changes.updates(), ruleSetId);
        write(tx, INSERT, organizationId, integrationId, objectType, changes.inserts(), ruleSetId);
    }

    private static void delete(DSLContext tx, long integrationId, String objectType, List<StoredFact> gone) {
        if (gone.isEmpty()) {
            return;
        }
        var recordIds = gone.stream().map(StoredFact::recordId).toArray(String[]::new);
        var kpiKeys = gone.stream().map(StoredFact::kpiKey).toArray(String[]::new);
        tx.execute(
                DELETE,
                DSL.val(integrationId),
                DSL.val(objectType, SQLDataType.VARCHAR),
                BinaryArrayParam.varchars(recordIds),
                BinaryArrayParam.varchars(kpiKeys));
    }

    private static void write(
            DSLContext tx,
            String statement,
            long organizationId,
            long integrationId,
            String objectType,
            List<StoredFact> facts,
            Long ruleSetId) {
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        var recordIds = new String[n];
        var kpiKeys = new String[n];
        var profileIds = new Long[n];
        var crmUserIds = new String[n];
        var localDates = new LocalDate[n];
        var occurredAts = new Instant[n];
        var values = new BigDecimal[n];
        var distinctValues = new String[n];
        for (int i = 0; i < n; i++) {
            var fact = facts.get(i);
            recordIds[i] = fact.recordId();
            kpiKeys[i] = fact.kpiKey();
            profileIds[i] = fact.profileId();
            crmUserIds[i] = fact.crmUserId();
            localDates[i] = fact.localDate();
            occurredAts[i] = fact.occurredAt();
            values[i] = fact.value();
            distinctValues[i] = fact.distinctValue();
        }
        tx.execute(
                statement,
                DSL.val(organizationId),
                DSL.val(integrationId),
                DSL.val(objectType, SQLDataType.VARCHAR),
                DSL.val(ruleSetId, SQLDataType.BIGINT),
                BinaryArrayParam.varchars(recordIds),
                BinaryArrayParam.varchars(kpiKeys),
                BinaryArrayParam.bigints(profileIds),
                BinaryArrayParam.varchars(crmUserIds),
                BinaryArrayParam.epochDays(localDates),
                BinaryArrayParam.epochMicros(occurredAts),
                BinaryArrayParam.decimals(values),
                BinaryArrayParam.varchars(distinctValues));
    }
}
