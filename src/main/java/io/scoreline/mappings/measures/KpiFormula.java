package io.scoreline.mappings.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a KPI's value over a window of days is computed from stored KPIs (ADR 0042). Inputs are
 * always additive stored KPIs of the same rule document, so formulas never nest and never loop.
 * For a team or several people: sums, weighted sums, scorecards and snapshots add up the
 * people's values; ratios and averages divide the people's summed numerators by their summed
 * denominators; distinct counts count distinct values across the people.
 */
public sealed interface KpiFormula {

    /** The stored KPI keys the formula reads (a change to any of them changes the value). */
    List<String> inputs();

    /** A stored additive KPI: the sum of its daily values (every rule's KPI). */
    record Sum(String kpi) implements KpiFormula {
        @Override
        public List<String> inputs() {
            return List.of(kpi);
        }
    }

    /**
     * A snapshot KPI (a rule with {@code kind: snapshot}): the value on the last day of the window
     * that has one, e.g. open pipeline at month end. Never summed over days.
     */
    record Snapshot(String kpi) implements KpiFormula {
        @Override
        public List<String> inputs() {
            return List.of(kpi);
        }
    }

    /**
     * {@code numerator / denominator} over the window, undefined while the denominator's sum is
     * below {@code minDenominator} (at least 1, so it never divides by zero).
     */
    record Ratio(String numerator, String denominator, BigDecimal minDenominator) implements KpiFormula {
        @Override
        public List<String> inputs() {
            return List.of(numerator, denominator);
        }
    }

    /** The KPI's summed value per fact ({@code kpi_values.fact_count}), undefined below {@code minFacts} facts. */
    record Average(String kpi, long minFacts) implements KpiFormula {
        @Override
        public List<String> inputs() {
            return List.of(kpi);
        }
    }

    /**
     * How many different values of the field the KPI's rule marks {@code distinct:} its facts carry
     * over the window (e.g. distinct accounts called).
     */
    record DistinctCount(String kpi) implements KpiFormula {
        @Override
        public List<String> inputs() {
            return List.of(kpi);
        }
    }

    /** {@code Σ weight × sum(kpi)} over the window. */
    record WeightedSum(List<Term> terms) implements KpiFormula {
        public WeightedSum {
            terms = List.copyOf(terms);
        }

        @Override
        public List<String> inputs() {
            return terms.stream().map(Term::kpi).toList();
        }
    }

    record Term(String kpi, BigDecimal weight) {
        public Term {
            Objects.requireNonNull(kpi, "kpi");
            Objects.requireNonNull(weight, "weight");
        }
    }

    /**
     * Points: per person and day, {@code Σ min(cap, points × value)} over at most
     * {@value #MAX_LINES} KPIs, summed over the window's days.
     */
    record Scorecard(List<Line> lines) implements KpiFormula {
        public static final int MAX_LINES = 10;

        public Scorecard {
            lines = List.copyOf(lines);
        }

        @Override
        public List<String> inputs() {
            return lines.stream().map(Line::kpi).toList();
        }
    }

    record Line(String kpi, BigDecimal pointsPerUnit, Optional<BigDecimal> capPerDay) {
        public Line {
            Objects.requireNonNull(kpi, "kpi");
            Objects.requireNonNull(pointsPerUnit, "pointsPerUnit");
            Objects.requireNonNull(capPerDay, "capPerDay");
        }
    }
}
