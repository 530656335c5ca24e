package io.scoreline.pipeline.kpi.measure;

import static io.scoreline.pipeline.db.Tables.KPI_SNAPSHOTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The value of one KPI over {@code [from, to]} for one person or a group of people (a team's
 * members, a contest's participants), computed from the stored rows every time, never from
 * deltas, so a correction, a replay or a recomputation all read the same value.
 */
public final class KpiMeasureReader {

    private KpiMeasureReader() {}

    public static MeasuredValue value(
            DSLContext tx,
            long organizationId,
            KpiMeasure measure,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        return switch (measure.formula()) {
            case KpiFormula.Sum sum ->
                new MeasuredValue.Defined(sum(tx, organizationId, sum.kpi(), profileIds, from, to));
            case KpiFormula.Snapshot snapshot ->
                SnapshotValues.value(tx, organizationId, snapshot, profileIds, from, to);
            case KpiFormula.Ratio _,
                    KpiFormula.Average _,
                    KpiFormula.DistinctCount _,
                    KpiFormula.WeightedSum _,
                    KpiFormula.Scorecard _ -> DerivedValues.value(tx, organizationId, measure, profileIds, from, to);
        };
    }

    /**
     * Each person's value over {@code [from, to]}, for the people with any stored row of the
     * KPI's inputs in the window (who have nothing to show are left out): {@code kpi show} and the
     * API's totals. One or two queries for a stored sum or a derived KPI, whatever the number of people.
     */
    public static Map<Long, MeasuredValue> valuesByPerson(
            DSLContext tx,
            long organizationId,
            KpiMeasure measure,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        var people = profileIds.toArray(Long[]::new);
        return switch (measure.formula()) {
            case KpiFormula.Sum sum -> {
                var values = new LinkedHashMap<Long, MeasuredValue>();
                tx.select(KPI_VALUES.PROFILE_ID, DSL.sum(KPI_VALUES.VALUE))
                        .from(KPI_VALUES)
                        .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                        .and(KPI_VALUES.PROFILE_ID.eq(DSL.any(people)))
                        .and(KPI_VALUES.KPI_KEY.eq(sum.kpi()))
                        .and(KPI_VALUES.PERIOD_DATE.between(from, to))
                        .groupBy(KPI_VALUES.PROFILE_ID)
                        .orderBy(KPI_VALUES.PROFILE_ID)
                        .forEach(r -> values.put(r.value1(), new MeasuredValue.Defined(r.value2())));
                yield values;
            }
            case KpiFormula.Snapshot snapshot -> {
                // The snapshot reader owns what a person's snapshot over a window is (ADR 0043): asked
                // per person who has a snapshot row up to the window's last day.
                var values = new LinkedHashMap<Long, MeasuredValue>();
                tx.selectDistinct(KPI_SNAPSHOTS.PROFILE_ID)
                        .from(KPI_SNAPSHOTS)
                        .where(KPI_SNAPSHOTS.ORGANIZATION_ID.eq(organizationId))
                        .and(KPI_SNAPSHOTS.PROFILE_ID.eq(DSL.any(people)))
                        .and(KPI_SNAPSHOTS.KPI_KEY.eq(snapshot.kpi()))
                        .and(KPI_SNAPSHOTS.PERIOD_DATE.le(to))
                        .orderBy(KPI_SNAPSHOTS.PROFILE_ID)
                        .fetch(KPI_SNAPSHOTS.PROFILE_ID)
                        .forEach(person -> values.put(
                                person, SnapshotValues.value(tx, organizationId, snapshot, List.of(person), from, to)));
                yield values;
            }
            case KpiFormula.Ratio _,
                    KpiFormula.Average _,
                    KpiFormula.DistinctCount _,
                    KpiFormula.WeightedSum _,
                    KpiFormula.Scorecard _ -> DerivedValues.byPerson(tx, organizationId, measure, profileIds, from, to);
        };
    }

    /**
     * For a snapshot KPI (ADR 0043): the moment the value the people have at the end of {@code to}
     * was taken, i.e. when they reached it; empty when none of them has a snapshot up to that day.
     */
    public static Optional<Instant> snapshotTakenAt(
            DSLContext tx,
            long organizationId,
            KpiFormula.Snapshot snapshot,
            Collection<Long> profileIds,
            LocalDate to) {
        return SnapshotValues.takenAt(tx, organizationId, snapshot, profileIds, to);
    }

    static BigDecimal sum(
            DSLContext tx, long organizationId, String kpi, Collection<Long> profileIds, LocalDate from, LocalDate to) {
        return tx.select(DSL.coalesce(DSL.sum(KPI_VALUES.VALUE), BigDecimal.ZERO))
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_VALUES.PROFILE_ID.eq(DSL.any(profileIds.toArray(Long[]::new))))
                .and(KPI_VALUES.KPI_KEY.eq(kpi))
                .and(KPI_VALUES.PERIOD_DATE.between(from, to))
                .fetchSingle()
                .value1();
    }
}
