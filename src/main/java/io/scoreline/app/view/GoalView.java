package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.goals.GoalListing;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A goal: every {@code goal} command's {@code --json} and the API's goal body. {@code subject} is
 * person, team, role or team_members; {@code name} the person's email, the team's name or the role.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GoalView(
        long id,
        String kpi,
        String period,
        String subject,
        String name,
        BigDecimal target,
        @JsonProperty("starts_on") LocalDate startsOn,
        @JsonProperty("ends_on") @Nullable LocalDate endsOn) {

    public static GoalView of(GoalListing listing) {
        var goal = listing.goal();
        var target = goal.target().stripTrailingZeros();
        return new GoalView(
                goal.id(),
                goal.kpiKey(),
                goal.unit().key(),
                goal.subject().kind(),
                listing.subjectName(),
                target.scale() < 0 ? target.setScale(0) : target,
                goal.startsOn(),
                goal.endsOn().orElse(null));
    }
}
