package io.scoreline.pipeline.goals;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The goal that applies to a person or team in one period: its target, the period's window and
 * where it came from ({@code from}: the person's own goal, a team-members default or a role default;
 * for a team, the team's goal).
 */
public record ResolvedGoal(long goalId, String kpiKey, BigDecimal target, GoalPeriod period, GoalSubject from) {

    public ResolvedGoal {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
    }

    static ResolvedGoal of(Goal goal, GoalPeriod period) {
        return new ResolvedGoal(goal.id(), goal.kpiKey(), goal.target(), period, goal.subject());
    }
}
