package io.scoreline.mappings.check;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;

/**
 * One derived KPI's block of the canonical document: the formula, its minimum spelled out
 * even when it is the default, then the unit. A weighted term and a scorecard line each take
 * one line of their own, so that a diff of two versions names exactly the line that changed.
 */
public final class DerivedKpiText {

    private DerivedKpiText() {}

    public static String of(KpiMeasure measure, String indent) {
        var out = new StringBuilder(indent).append(measure.key()).append(":\n");
        var inner = indent + "  ";
        var nested = inner + "  ";
        switch (measure.formula()) {
            case KpiFormula.Ratio r ->
                out.append(inner)
                        .append("ratio: ")
                        .append(r.numerator())
                        .append(" / ")
                        .append(r.denominator())
                        .append('\n')
                        .append(inner)
                        .append("min_denominator: ")
                        .append(DecimalText.of(r.minDenominator()))
                        .append('\n');
            case KpiFormula.Average a ->
                out.append(inner)
                        .append("average: ")
                        .append(a.kpi())
                        .append('\n')
                        .append(inner)
                        .append("min_facts: ")
                        .append(a.minFacts())
                        .append('\n');
            case KpiFormula.DistinctCount d ->
                out.append(inner).append("distinct: ").append(d.kpi()).append('\n');
            case KpiFormula.WeightedSum w -> {
                out.append(inner).append("weighted:\n");
                w.terms()
                        .forEach(t -> out.append(nested)
                                .append(t.kpi())
                                .append(": ")
                                .append(DecimalText.of(t.weight()))
                                .append('\n'));
            }
            case KpiFormula.Scorecard s -> {
                out.append(inner).append("scorecard:\n");
                s.lines().forEach(l -> {
                    out.append(nested).append(l.kpi()).append(": { points: ").append(DecimalText.of(l.pointsPerUnit()));
                    l.capPerDay().ifPresent(c -> out.append(", cap_per_day: ").append(DecimalText.of(c)));
                    out.append(" }\n");
                });
            }
            // Rules are written as rules; the checker never makes a measure of these from a derived entry.
            case KpiFormula.Sum s -> throw new IllegalArgumentException("not a derived KPI: " + measure.key());
            case KpiFormula.Snapshot s -> throw new IllegalArgumentException("not a derived KPI: " + measure.key());
        }
        return out.append(inner)
                .append("unit: ")
                .append(measure.unit().key())
                .append('\n')
                .toString();
    }
}
