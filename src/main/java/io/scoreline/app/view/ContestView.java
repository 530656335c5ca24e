package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        String unit,
        LocalDate from,
        LocalDate to,
        boolean teams,
        @Nullable String target,
        String grace,
        String status,
        int entries) {

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
                summary.entries());
    }
}
