package io.scoreline.gamification.goals;

import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.goals.ResolvedGoal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A person's or team's progress towards their goal in one period.
 *
 * @param subject {@code person} or {@code team}
 * @param name the person's email or the team's name
 * @param goalName whose goal applies: the person's email, the team's name or the role
 */
public record GoalProgress(
        String subject,
        String name,
        ResolvedGoal goal,
        String goalName,
        MeasuredValue value,
        GoalPace pace,
        GoalStanding standing) {

    public GoalProgress {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(goalName, "goalName");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(standing, "standing");
    }

    /** {@code value} against {@code goal} on {@code today}: the pace and standing every reader of goals shows. */
    static GoalProgress of(
            String subject,
            String name,
            ResolvedGoal goal,
            String goalName,
            MeasuredValue value,
            LocalDate today,
            Set<DayOfWeek> workingDays) {
        var pace = GoalPace.of(goal.period(), today, workingDays, goal.target());
        return new GoalProgress(
                subject, name, goal, goalName, value, pace, GoalStanding.of(value, goal.target(), pace));
    }
}
