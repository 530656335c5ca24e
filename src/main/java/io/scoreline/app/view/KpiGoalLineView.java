package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;

/**
 * A person's value of a KPI in a goal period with their goal, if any: a line of {@code kpi show
 * --goals --json} and an item of {@code GET /kpi-values/totals?goals=true}. {@code goal} has the
 * fields of {@code goal progress --json}, null when the person has no goal for the KPI.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiGoalLineView(
        String profile,
        String kpi,
        String period,
        @Nullable BigDecimal value,
        @JsonProperty("undefined_reason") @Nullable String undefinedReason,
        @Nullable GoalProgressView goal) {

    public static KpiGoalLineView of(Goals.Board board, Goals.BoardLine line) {
        return new KpiGoalLineView(
                line.email(),
                line.kpi(),
                board.period().key(),
                line.value() instanceof MeasuredValue.Defined d ? plain(d.value()) : null,
                line.value() instanceof MeasuredValue.Undefined u ? u.reason() : null,
                line.progress().map(GoalProgressView::of).orElse(null));
    }

    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
