package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.goals.GoalProgress;
import io.scoreline.gamification.goals.GoalStanding;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Progress towards a goal: {@code goal progress --json} and {@code GET /goals/progress}. An
 * undefined value has {@code value}, {@code percent} and {@code ahead_by} null, status
 * {@code undefined} and its reason; {@code pace} is where the value should be by today.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GoalProgressView(
        String subject,
        String name,
        String kpi,
        String period,
        @JsonProperty("period_from") LocalDate periodFrom,
        @JsonProperty("period_to") LocalDate periodTo,
        @JsonProperty("goal_id") long goalId,
        @JsonProperty("goal_subject") String goalSubject,
        @JsonProperty("goal_name") String goalName,
        BigDecimal target,
        @Nullable BigDecimal value,
        @Nullable BigDecimal percent,
        BigDecimal pace,
        @JsonProperty("ahead_by") @Nullable BigDecimal aheadBy,
        String status,
        @JsonProperty("undefined_reason") @Nullable String undefinedReason,
        @JsonProperty("working_days") int workingDays,
        @JsonProperty("working_days_elapsed") int workingDaysElapsed) {

    public static GoalProgressView of(GoalProgress progress) {
        var goal = progress.goal();
        var measured = progress.standing() instanceof GoalStanding.Measured m ? m : null;
        var target = goal.target().stripTrailingZeros();
        return new GoalProgressView(
                progress.subject(),
                progress.name(),
                goal.kpiKey(),
                goal.period().key(),
                goal.period().from(),
                goal.period().to(),
                goal.goalId(),
                goal.from().kind(),
                progress.goalName(),
                target.scale() < 0 ? target.setScale(0) : target,
                measured == null ? null : measured.value(),
                measured == null ? null : measured.percent(),
                progress.pace().expected(),
                measured == null ? null : measured.aheadBy(),
                progress.standing().status(),
                progress.standing() instanceof GoalStanding.Undefined u ? u.reason() : null,
                progress.pace().workingDays(),
                progress.pace().elapsedWorkingDays());
    }
}
