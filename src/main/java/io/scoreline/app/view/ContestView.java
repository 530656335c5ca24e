package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.contests.ContestSummary;
import java.time.LocalDate;

/** A contest: {@code contest create|list|cancel --json} and the API's contest body. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContestView(
        long id,
        String name,
        String kpi,
        LocalDate from,
        LocalDate to,
        boolean teams,
        @Nullable String target,
        String grace,
        String status,
        int entries,
        @JsonProperty("rank_by") String rankBy) {

    public static ContestView of(ContestSummary summary) {
        var contest = summary.contest();
        return new ContestView(
                contest.id(),
                contest.name(),
                contest.kpiKey(),
                contest.startsOn(),
                contest.endsOn(),
                contest.teams(),
                contest.target()
                        .map(t -> t.stripTrailingZeros().toPlainString())
                        .orElse(null),
                contest.grace().toString(),
                contest.status().key(),
                summary.entries(),
                contest.rankBy().key());
    }
}
