package io.scoreline.pipeline.kpi.measure;

import static io.scoreline.pipeline.db.Tables.KPI_SNAPSHOTS;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.BinaryArrayParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Values of snapshot KPIs (ADR 0043): each person's value at the end of the window's last day,
 * which is their latest {@code kpi_snapshots} row on or before that day (a row is written only on
 * days the value changed, so the latest one before a day carries its value), the people's values
 * added up. Rows are never summed over days. Before the first snapshot the organization took of the
 * KPI there is no value to show, which is undefined, not zero.
 */
final class SnapshotValues {

    // Each person's latest row up to the window's last day, added up; a person without one had nothing.
    private static final String LATEST_SUM = """
            select coalesce(sum(latest.value), 0)
              from (select distinct on (k.profile_id) k.value
                      from kpi_snapshots k
                     where k.organization_id = {0} and k.kpi_key = {1} and k.profile_id = any({2})
                       and k.period_date <= {3}
                     order by k.profile_id, k.period_date desc) latest""";

    private SnapshotValues() {}

    static MeasuredValue value(
            DSLContext tx,
            long organizationId,
            KpiFormula.Snapshot snapshot,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        var kpi = snapshot.kpi();
        var first = tx.select(DSL.min(KPI_SNAPSHOTS.PERIOD_DATE))
                .from(KPI_SNAPSHOTS)
                .where(KPI_SNAPSHOTS.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_SNAPSHOTS.KPI_KEY.eq(kpi))
                .fetchSingle()
                .value1();
        if (first == null) {
            return new MeasuredValue.Undefined("no snapshot of " + kpi + " has been taken yet");
        }
        if (to.isBefore(first)) {
            return new MeasuredValue.Undefined("the first snapshot of " + kpi + " is of " + first + ", after " + to);
        }
        if (profileIds.isEmpty()) {
            return new MeasuredValue.Defined(BigDecimal.ZERO);
        }
        var value = tx.resultQuery(
                        LATEST_SUM,
                        DSL.val(organizationId),
                        DSL.val(kpi),
                        BinaryArrayParam.bigints(profileIds.toArray(Long[]::new)),
                        DSL.val(to))
                .fetchSingle()
                .get(0, BigDecimal.class);
        return new MeasuredValue.Defined(value);
    }

    // When the values in effect at the window's last day were taken: the latest of the people's
    // latest rows up to that day.
    private static final String TAKEN_AT = """
            select max(latest.updated_at)
              from (select distinct on (k.profile_id) k.updated_at
                      from kpi_snapshots k
                     where k.organization_id = {0} and k.kpi_key = {1} and k.profile_id = any({2})
                       and k.period_date <= {3}
                     order by k.profile_id, k.period_date desc) latest""";

    /** The moment the people's value at the end of {@code to} was taken; empty when none of them has a row. */
    static Optional<Instant> takenAt(
            DSLContext tx,
            long organizationId,
            KpiFormula.Snapshot snapshot,
            Collection<Long> profileIds,
            LocalDate to) {
        if (profileIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(tx.resultQuery(
                                TAKEN_AT,
                                DSL.val(organizationId),
                                DSL.val(snapshot.kpi()),
                                BinaryArrayParam.bigints(profileIds.toArray(Long[]::new)),
                                DSL.val(to))
                        .fetchSingle()
                        .get(0, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
    }
}
