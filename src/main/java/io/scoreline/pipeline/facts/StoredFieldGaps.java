package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.CRM_FIELD_SETS;
import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;

import io.scoreline.connectors.spi.CrmProfile;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Compares the fields stored records were read with to the fields rules read (ADR 0034), from
 * the database alone: what {@code mapping set} reports and what {@code remap} re-reads. Counting
 * groups the records by their field set, so it reads the integration's rows once and no JSON.
 */
public final class StoredFieldGaps {

    private final TenantTransactions transactions;
    private final long bulkThreshold;

    /** Re-reads by id only. */
    public StoredFieldGaps(TenantTransactions transactions) {
        this(transactions, 0);
    }

    /**
     * @param bulkThreshold records of one object above which they are read again in bulk where the
     *                      CRM has a bulk API (the backfills' threshold); 0 = never
     */
    public StoredFieldGaps(TenantTransactions transactions, long bulkThreshold) {
        this.transactions = transactions;
        this.bulkThreshold = bulkThreshold;
    }

    /**
     * The gaps priced by the CRM's profile both ways, by id and in bulk, with the way remap takes:
     * bulk above the threshold when the CRM has a bulk API.
     */
    public MissingFields of(long organizationId, long integrationId, RuleSet rules, CrmProfile profile) {
        return of(organizationId, integrationId, rules, (LongFunction<RereadCost>) records -> {
            var bulk = profile.callsToReadInBulk(records);
            return new RereadCost(
                    profile.callsToReadById(records),
                    bulk,
                    bulk.isPresent() && bulkThreshold > 0 && records > bulkThreshold);
        });
    }

    /**
     * @param callsToReadById about how many API calls reading this many records by id costs (the
     *                        CRM's profile says; nothing is called)
     */
    public MissingFields of(long organizationId, long integrationId, RuleSet rules, LongUnaryOperator callsToReadById) {
        return of(organizationId, integrationId, rules, (LongFunction<RereadCost>)
                records -> RereadCost.byId(callsToReadById.applyAsLong(records)));
    }

    private MissingFields of(long organizationId, long integrationId, RuleSet rules, LongFunction<RereadCost> price) {
        var byObject = rules.fieldsByObject();
        // Object type and fields of each set, with its live records.
        var counted = transactions.inOrganization(
                organizationId,
                tx -> tx.select(CRM_RECORDS.OBJECT_TYPE, CRM_FIELD_SETS.FIELDS, DSL.count())
                        .from(CRM_RECORDS)
                        .leftJoin(CRM_FIELD_SETS)
                        .on(CRM_FIELD_SETS.ID.eq(CRM_RECORDS.FIELD_SET_ID))
                        .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                        .and(CRM_RECORDS.DELETED.isFalse())
                        .groupBy(CRM_RECORDS.OBJECT_TYPE, CRM_RECORDS.FIELD_SET_ID, CRM_FIELD_SETS.FIELDS)
                        .orderBy(CRM_RECORDS.OBJECT_TYPE)
                        .fetch());
        var gaps = new ArrayList<FieldGap>();
        for (var entry : byObject.entrySet()) {
            var objectType = entry.getKey();
            var wanted = entry.getValue();
            var missing = new LinkedHashSet<String>();
            long records = 0;
            for (var row : counted) {
                if (!row.value1().equalsIgnoreCase(objectType)) {
                    continue;
                }
                var set = row.value2() == null ? FieldSet.NONE : FieldSet.of(List.of(row.value2()));
                var lacks = set.missing(wanted);
                if (!lacks.isEmpty()) {
                    missing.addAll(lacks);
                    records += row.value3();
                }
            }
            if (records == 0) {
                continue;
            }
            var kpis = rules.rulesFor(objectType).stream()
                    .filter(rule ->
                            FieldSet.of(missing).missing(rule.fieldsRead()).size()
                                    < rule.fieldsRead().size())
                    .map(rule -> rule.key())
                    .distinct()
                    .toList();
            gaps.add(new FieldGap(objectType, List.copyOf(missing), kpis, records, price.apply(records)));
        }
        return gaps.isEmpty() ? MissingFields.NONE : new MissingFields(gaps);
    }

    /**
     * Up to {@code limit} live records of the object, after {@code afterRecordId} in id order, that
     * were read without one of {@code wanted}: the ids {@code remap} reads again, page by page.
     */
    public List<String> lacking(
            long organizationId,
            long integrationId,
            String objectType,
            Set<String> wanted,
            Optional<String> afterRecordId,
            int limit) {
        return transactions.inOrganization(organizationId, tx -> {
            var condition = lackingCondition(tx, integrationId, objectType, wanted);
            if (afterRecordId.isPresent()) {
                condition = condition.and(CRM_RECORDS.RECORD_ID.gt(afterRecordId.get()));
            }
            return tx.select(CRM_RECORDS.RECORD_ID)
                    .from(CRM_RECORDS)
                    .where(condition)
                    .orderBy(CRM_RECORDS.RECORD_ID)
                    .limit(limit)
                    .fetch(CRM_RECORDS.RECORD_ID);
        });
    }

    /**
     * The oldest stored modstamp among the live records of the object that lack one of
     * {@code wanted}: a bulk re-read reads the object from there on (a record changed in the CRM
     * since only moved later).
     */
    public Optional<Instant> oldestLacking(
            long organizationId, long integrationId, String objectType, Set<String> wanted) {
        return transactions.inOrganization(
                organizationId,
                tx -> Optional.ofNullable(tx.select(DSL.min(CRM_RECORDS.MODSTAMP))
                                .from(CRM_RECORDS)
                                .where(lackingCondition(tx, integrationId, objectType, wanted))
                                .fetchOne(0, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }

    /** Which of {@code recordIds} are live stored records of the object that lack one of {@code wanted}. */
    public Set<String> lackingAmong(
            long organizationId,
            long integrationId,
            String objectType,
            Set<String> wanted,
            Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        return transactions.inOrganization(
                organizationId,
                tx -> Set.copyOf(tx.select(CRM_RECORDS.RECORD_ID)
                        .from(CRM_RECORDS)
                        .where(lackingCondition(tx, integrationId, objectType, wanted))
                        .and(CRM_RECORDS.RECORD_ID.in(recordIds))
                        .fetch(CRM_RECORDS.RECORD_ID)));
    }

    /** Live records of the object whose field set lacks one of {@code wanted} (or that have none). */
    private static Condition lackingCondition(
            DSLContext tx, long integrationId, String objectType, Set<String> wanted) {
        var lackingSets = new ArrayList<Long>();
        for (var row : tx.select(CRM_FIELD_SETS.ID, CRM_FIELD_SETS.FIELDS)
                .from(CRM_FIELD_SETS)
                .where(CRM_FIELD_SETS.INTEGRATION_ID.eq(integrationId))
                .and(DSL.lower(CRM_FIELD_SETS.OBJECT_TYPE).eq(objectType.toLowerCase(Locale.ROOT)))
                .fetch()) {
            if (!FieldSet.of(List.of(row.value2())).covers(wanted)) {
                lackingSets.add(row.value1());
            }
        }
        return CRM_RECORDS
                .INTEGRATION_ID
                .eq(integrationId)
                .and(CRM_RECORDS.OBJECT_TYPE.eq(objectType))
                .and(CRM_RECORDS.DELETED.isFalse())
                .and(CRM_RECORDS.FIELD_SET_ID.isNull().or(CRM_RECORDS.FIELD_SET_ID.in(lackingSets)));
    }
}
