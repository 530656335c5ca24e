package io.scoreline.pipeline.kpi.measure;

import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Values of derived KPIs: ratios, averages per fact, distinct counts, weighted sums, scorecards
 * (ADR 0042). One query reads the inputs' daily cells of the people over the window (a
 * scorecard caps each person's day, so the cells stay per person and day); a distinct count
 * also reads {@code kpi_facts} (its partial index of V28), in one more query.
 */
final class DerivedValues {

    private DerivedValues() {}

    static MeasuredValue value(
            DSLContext tx,
            long organizationId,
            KpiMeasure measure,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        var people = profileIds.toArray(Long[]::new);
        if (measure.formula() instanceof KpiFormula.DistinctCount distinct) {
            long count = tx.select(DSL.countDistinct(KPI_FACTS.DISTINCT_VALUE))
                    .from(KPI_FACTS)
                    .where(distinctFacts(organizationId, distinct.kpi(), people, from, to))
                    .fetchSingle()
                    .value1();
            return FormulaValue.of(measure, new Cells(List.of(), count));
        }
        return FormulaValue.of(measure, new Cells(cells(tx, organizationId, measure, people, from, to), 0));
    }

    /**
     * Each person's value, for the people who have any stored input in the window (a person
     * without a single call has no connect rate to show, not an undefined one). Two queries at most.
     */
    static Map<Long, MeasuredValue> byPerson(
            DSLContext tx,
            long organizationId,
            KpiMeasure measure,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        var people = profileIds.toArray(Long[]::new);
        var cellsByPerson = new TreeMap<Long, List<Cell>>();
        cells(tx, organizationId, measure, people, from, to)
                .forEach(c -> cellsByPerson
                        .computeIfAbsent(c.profileId(), p -> new ArrayList<>())
                        .add(c));
        var distinctByPerson = new HashMap<Long, Long>();
        if (measure.formula() instanceof KpiFormula.DistinctCount distinct) {
            var count = DSL.countDistinct(KPI_FACTS.DISTINCT_VALUE);
            tx.select(KPI_FACTS.PROFILE_ID, count)
                    .from(KPI_FACTS)
                    .where(distinctFacts(organizationId, distinct.kpi(), people, from, to))
                    .groupBy(KPI_FACTS.PROFILE_ID)
                    .forEach(r -> distinctByPerson.put(r.value1(), r.value2().longValue()));
        }
        var values = new LinkedHashMap<Long, MeasuredValue>();
        cellsByPerson.forEach((person, cells) -> values.put(
                person, FormulaValue.of(measure, new Cells(cells, distinctByPerson.getOrDefault(person, 0L)))));
        return values;
    }

    private static List<Cell> cells(
            DSLContext tx, long organizationId, KpiMeasure measure, Long[] people, LocalDate from, LocalDate to) {
        return tx.select(KPI_VALUES.PROFILE_ID, KPI_VALUES.KPI_KEY, KPI_VALUES.VALUE, KPI_VALUES.FACT_COUNT)
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_VALUES.PROFILE_ID.eq(DSL.any(people)))
                .and(KPI_VALUES.KPI_KEY.eq(DSL.any(measure.inputs().toArray(String[]::new))))
                .and(KPI_VALUES.PERIOD_DATE.between(from, to))
                .fetch(r -> new Cell(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static Condition distinctFacts(
            long organizationId, String kpi, Long[] people, LocalDate from, LocalDate to) {
        return KPI_FACTS
                .ORGANIZATION_ID
                .eq(organizationId)
                .and(KPI_FACTS.KPI_KEY.eq(kpi))
                .and(KPI_FACTS.PROFILE_ID.eq(DSL.any(people)))
                .and(KPI_FACTS.LOCAL_DATE.between(from, to))
                .and(KPI_FACTS.DISTINCT_VALUE.isNotNull());
    }

    /** One person's stored cell of one KPI on one day (the primary key makes each row one). */
    private record Cell(long profileId, String kpi, BigDecimal value, long facts) {}

    private static final class Cells implements FormulaInputs {

        private final List<Cell> cells;
        private final long distinct;
        private final Map<String, BigDecimal> sums = new HashMap<>();
        private final Map<String, Long> facts = new HashMap<>();

        Cells(List<Cell> cells, long distinct) {
            this.cells = cells;
            this.distinct = distinct;
            for (var cell : cells) {
                sums.merge(cell.kpi(), cell.value(), BigDecimal::add);
                facts.merge(cell.kpi(), cell.facts(), Long::sum);
            }
        }

        @Override
        public BigDecimal sum(String kpi) {
            return sums.getOrDefault(kpi, BigDecimal.ZERO);
        }

        @Override
        public long facts(String kpi) {
            return facts.getOrDefault(kpi, 0L);
        }

        @Override
        public BigDecimal points(KpiFormula.Line line) {
            var total = BigDecimal.ZERO;
            for (var cell : cells) {
                if (cell.kpi().equals(line.kpi())) {
                    total = total.add(FormulaValue.dayPoints(line, cell.value()));
                }
            }
            return total;
        }

        @Override
        public long distinct(String kpi) {
            return distinct;
        }
    }
}
