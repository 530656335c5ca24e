package io.scoreline.pipeline.kpi.measure;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A formula's value from its window's inputs (ADR 0042). Every value is held at {@link #SCALE}
 * decimals, rounded half-even, the scale {@code kpi_values} stores: two people with the same
 * connect rate compare equal (ties rank alike) and the same value always prints the same.
 */
public final class FormulaValue {

    public static final int SCALE = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FormulaValue() {}

    public static MeasuredValue of(KpiMeasure measure, FormulaInputs inputs) {
        return switch (measure.formula()) {
            case KpiFormula.Sum sum -> defined(inputs.sum(sum.kpi()));
            case KpiFormula.Snapshot snapshot -> defined(inputs.sum(snapshot.kpi()));
            case KpiFormula.Ratio ratio -> ratio(measure.unit(), ratio, inputs);
            case KpiFormula.Average average -> average(average, inputs);
            case KpiFormula.DistinctCount distinct -> defined(BigDecimal.valueOf(inputs.distinct(distinct.kpi())));
            case KpiFormula.WeightedSum weighted -> {
                var total = BigDecimal.ZERO;
                for (var term : weighted.terms()) {
                    total = total.add(term.weight().multiply(inputs.sum(term.kpi())));
                }
                yield defined(total);
            }
            case KpiFormula.Scorecard scorecard -> {
                var total = BigDecimal.ZERO;
                for (var line : scorecard.lines()) {
                    total = total.add(inputs.points(line));
                }
                yield defined(total);
            }
        };
    }

    /** A scorecard line's points for one person's day: {@code min(cap, points × value)}. */
    public static BigDecimal dayPoints(KpiFormula.Line line, BigDecimal dayValue) {
        var points = line.pointsPerUnit().multiply(dayValue);
        return line.capPerDay().map(points::min).orElse(points);
    }

    private static MeasuredValue ratio(KpiUnit unit, KpiFormula.Ratio ratio, FormulaInputs inputs) {
        var denominator = inputs.sum(ratio.denominator());
        if (denominator.compareTo(ratio.minDenominator()) < 0 || denominator.signum() == 0) {
            return new MeasuredValue.Undefined(plain(denominator) + " " + ratio.denominator()
                    + ", fewer than the minimum " + plain(ratio.minDenominator()));
        }
        var numerator = inputs.sum(ratio.numerator());
        if (unit == KpiUnit.PERCENT) {
            numerator = numerator.multiply(HUNDRED);
        }
        return new MeasuredValue.Defined(numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN));
    }

    private static MeasuredValue average(KpiFormula.Average average, FormulaInputs inputs) {
        long facts = inputs.facts(average.kpi());
        if (facts < Math.max(1, average.minFacts())) {
            return new MeasuredValue.Undefined(
                    facts + " " + average.kpi() + " facts, fewer than the minimum " + Math.max(1, average.minFacts()));
        }
        return new MeasuredValue.Defined(
                inputs.sum(average.kpi()).divide(BigDecimal.valueOf(facts), SCALE, RoundingMode.HALF_EVEN));
    }

    private static MeasuredValue defined(BigDecimal value) {
        return new MeasuredValue.Defined(value.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** 10, not 10.000000: reasons are read by people. */
    static String plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
