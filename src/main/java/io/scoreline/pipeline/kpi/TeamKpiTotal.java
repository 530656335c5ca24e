package io.scoreline.pipeline.kpi;

import io.scoreline.mappings.measures.KpiUnit;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A team's KPI total over a window: everyone in the team or any of its sub-teams today
 * ({@code people} of them had values). {@code depth} is the team's place in the tree, 0 at the top.
 * A snapshot or derived KPI (ADR 0042) is the team's own reading of the formula (summed numerators
 * over summed denominators), not a sum of its members' results; below its minimum it has no value:
 * {@code value} is {@code null} and {@code undefined} says why. {@code factCount} is 0 for them.
 */
public record TeamKpiTotal(
        String team,
        int depth,
        String kpiKey,
        BigDecimal value,
        long factCount,
        int people,
        KpiUnit unit,
        Optional<String> undefined) {

    public TeamKpiTotal {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(undefined, "undefined");
        if ((value == null) == undefined.isEmpty()) {
            throw new IllegalArgumentException("a total has a value or a reason it has none, not both");
        }
    }

    /** A stored KPI's total, counted in its default unit. */
    public TeamKpiTotal(String team, int depth, String kpiKey, BigDecimal value, long factCount, int people) {
        this(team, depth, kpiKey, value, factCount, people, KpiUnit.COUNT, Optional.empty());
    }
}
