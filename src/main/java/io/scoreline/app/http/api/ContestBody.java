package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.contests.ContestSummary;
import java.time.LocalDate;

/** A contest: the fields of {@code contest create|list|cancel --json}. */
@Serdeable
public record ContestBody(
        long id,
        String name,
        String kpi,
        LocalDate from,
        LocalDate to,
        boolean teams,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String target,
        String grace,
        String status,
        int entries) {

    static ContestBody of(ContestSummary summary) {
        var contest = summary.contest();
        return new ContestBody(
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
                summary.entries());
    }
}
