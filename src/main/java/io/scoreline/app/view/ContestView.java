package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.contests.ContestSummary;
import java.time.LocalDate;

/**
 * A contest: {@code contest create|list|cancel|update --json} and the API's contest body; {@code
 * series} and {@code every} name the series a recurring contest is a period of (ADR 0045); {@code
 * rank_by} is value or percent_of_goal, with the {@code goal_period} the percent is of (ADR 0046).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContestView(
        long id,
        String name,
        String kpi,
        String unit,
        LocalDate from,
        LocalDate to,
        boolean teams,
        @Nullable String target,
        String grace,
        String status,
        int entries,
        String format,
        boolean hidden,
        @Nullable Long series,
        @Nullable String every,
        @JsonProperty("rank_by") String rankBy,
        @JsonProperty("goal_period") @Nullable String goalPeriod) {

    public static ContestView of(ContestSummary summary) {
        var contest = summary.contest();
        return new ContestView(
                contest.id(),
                contest.name(),
                contest.kpiKey(),
                contest.unit().key(),
                contest.startsOn(),
                contest.endsOn(),
                contest.teams(),
                contest.target()
                        .map(t -> t.stripTrailingZeros().toPlainString())
                        .orElse(null),
                contest.grace().toString(),
                contest.status().key(),
                summary.entries(),
                contest.format().key(),
                contest.hidden(),
                contest.seriesId().orElse(null),
                summary.every().map(e -> e.key()).orElse(null),
                contest.rankBy().key(),
                contest.goalPeriod().map(p -> p.key()).orElse(null));
    }
}
