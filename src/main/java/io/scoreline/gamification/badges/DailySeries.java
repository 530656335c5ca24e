package io.scoreline.gamification.badges;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.kpi.measure.FormulaInputs;
import io.scoreline.pipeline.kpi.measure.FormulaValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One person's daily {@code kpi_values} of the KPIs a set of badges needs, in memory, with the
 * value of any of those KPIs over a window: a stored KPI's sum, or a derived KPI's formula
 * (ADR 0042) from the daily cells of its inputs (value and fact count) and, for distinct counts,
 * the distinct values of each day.
 */
public final class DailySeries {

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byKpi;
    private final Map<String, NavigableMap<LocalDate, Long>> factsByKpi;
    private final Map<String, NavigableMap<LocalDate, Set<String>>> distinctByKpi;
    private final Map<String, KpiMeasure> derived;

    /** Stored KPIs only. */
    public DailySeries(Map<String, NavigableMap<LocalDate, BigDecimal>> byKpi) {
        this(byKpi, Map.of(), Map.of(), Map.of());
    }

    /**
     * @param factsByKpi    the cells' fact counts, by KPI and day (averages per fact)
     * @param distinctByKpi each day's distinct values of a KPI's facts (distinct counts)
     * @param derived       the derived KPIs the badges name, by key
     */
    public DailySeries(
            Map<String, NavigableMap<LocalDate, BigDecimal>> byKpi,
            Map<String, NavigableMap<LocalDate, Long>> factsByKpi,
            Map<String, NavigableMap<LocalDate, Set<String>>> distinctByKpi,
            Map<String, KpiMeasure> derived) {
        this.byKpi = byKpi;
        this.factsByKpi = factsByKpi;
        this.distinctByKpi = distinctByKpi;
        this.derived = derived;
    }

    public NavigableMap<LocalDate, BigDecimal> days(String kpi) {
        return byKpi.getOrDefault(kpi, new TreeMap<>());
    }

    public BigDecimal sum(String kpi, LocalDate from, LocalDate to) {
        var total = BigDecimal.ZERO;
        for (var value : days(kpi).subMap(from, true, to, true).values()) {
            total = total.add(value);
        }
        return total;
    }

    /** The KPI's value over {@code [from, to]}: a stored KPI's sum, a derived KPI's formula. */
    public MeasuredValue value(String kpi, LocalDate from, LocalDate to) {
        var measure = derived.get(kpi);
        if (measure == null) {
            return new MeasuredValue.Defined(sum(kpi, from, to));
        }
        return FormulaValue.of(measure, new Window(from, to));
    }

    /** The value as a judge compares it: empty when undefined (an undefined value reaches no threshold). */
    public Optional<BigDecimal> defined(String kpi, LocalDate from, LocalDate to) {
        return switch (value(kpi, from, to)) {
            case MeasuredValue.Defined d -> Optional.of(d.value());
            case MeasuredValue.Undefined u -> Optional.empty();
        };
    }

    /** The days with a stored cell of the KPI, or of any input of a derived KPI. */
    public NavigableSet<LocalDate> dataDays(String kpi) {
        var measure = derived.get(kpi);
        if (measure == null) {
            return days(kpi).navigableKeySet();
        }
        var days = new TreeSet<LocalDate>();
        for (var input : measure.inputs()) {
            days.addAll(days(input).keySet());
        }
        return days;
    }

    /** The stored KPIs whose facts make up the KPI (the records an award's evidence points at). */
    public Set<String> sources(String kpi) {
        var measure = derived.get(kpi);
        return measure == null ? Set.of(kpi) : new LinkedHashSet<>(measure.inputs());
    }

    /** {@link #sources(String)} of every KPI. */
    public Set<String> sources(Set<String> kpis) {
        var sources = new LinkedHashSet<String>();
        kpis.forEach(k -> sources.addAll(sources(k)));
        return sources;
    }

    /** The first day with a positive value: of the day's sum, or of the derived KPI over that day alone. */
    public Optional<LocalDate> firstDay(String kpi) {
        if (!derived.containsKey(kpi)) {
            return days(kpi).entrySet().stream()
                    .filter(e -> e.getValue().signum() > 0)
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
        return dataDays(kpi).stream()
                .filter(d -> defined(kpi, d, d).filter(v -> v.signum() > 0).isPresent())
                .findFirst();
    }

    public Optional<LocalDate> lastDay(String kpi) {
        var days = dataDays(kpi);
        return days.isEmpty() ? Optional.empty() : Optional.of(days.last());
    }

    /** The inputs of a derived formula over one window of this person's days. */
    private final class Window implements FormulaInputs {

        private final LocalDate from;
        private final LocalDate to;

        Window(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public BigDecimal sum(String kpi) {
            return DailySeries.this.sum(kpi, from, to);
        }

        @Override
        public long facts(String kpi) {
            long total = 0;
            for (var count : factsByKpi
                    .getOrDefault(kpi, new TreeMap<>())
                    .subMap(from, true, to, true)
                    .values()) {
                total += count;
            }
            return total;
        }

        @Override
        public BigDecimal points(KpiFormula.Line line) {
            var total = BigDecimal.ZERO;
            for (var value : days(line.kpi()).subMap(from, true, to, true).values()) {
                total = total.add(FormulaValue.dayPoints(line, value));
            }
            return total;
        }

        @Override
        public long distinct(String kpi) {
            var values = new HashSet<String>();
            distinctByKpi
                    .getOrDefault(kpi, new TreeMap<>())
                    .subMap(from, true, to, true)
                    .values()
                    .forEach(values::addAll);
            return values.size();
        }
    }
}
