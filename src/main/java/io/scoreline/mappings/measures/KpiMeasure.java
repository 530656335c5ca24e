package io.scoreline.mappings.measures;

import java.util.List;
import java.util.Objects;

/**
 * A KPI as read over a window: its key, the unit it is shown in and how it is computed.
 *
 * @param line the document line that defines it; 0 for a KPI known only from stored values
 */
public record KpiMeasure(String key, KpiUnit unit, KpiFormula formula, int line) {

    public KpiMeasure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(formula, "formula");
    }

    /** A stored additive KPI counted in {@code unit}. */
    public static KpiMeasure stored(String key, KpiUnit unit) {
        return new KpiMeasure(key, unit, new KpiFormula.Sum(key), 0);
    }

    /** True for a formula over other KPIs (ratio, average, distinct count, weighted sum, scorecard). */
    public boolean derived() {
        return switch (formula) {
            case KpiFormula.Sum s -> false;
            case KpiFormula.Snapshot s -> false;
            case KpiFormula.Ratio r -> true;
            case KpiFormula.Average a -> true;
            case KpiFormula.DistinctCount d -> true;
            case KpiFormula.WeightedSum w -> true;
            case KpiFormula.Scorecard s -> true;
        };
    }

    public List<String> inputs() {
        return formula.inputs();
    }
}
