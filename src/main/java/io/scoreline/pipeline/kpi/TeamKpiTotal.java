package io.scoreline.pipeline.kpi;

import java.math.BigDecimal;

/**
 * A team's KPI total over a window: everyone in the team or any of its sub-teams today
 * ({@code people} of them had values). {@code depth} is the team's place in the tree, 0 at the top.
 */
public record TeamKpiTotal(String team, int depth, String kpiKey, BigDecimal value, long factCount, int people) {}
