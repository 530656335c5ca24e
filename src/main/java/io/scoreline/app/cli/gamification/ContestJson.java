package io.scoreline.app.cli.gamification;

import io.scoreline.gamification.contests.ContestSummary;
import java.time.LocalDate;

/** The JSON line of a contest, shared by {@code contest create} and {@code contest list}. */
record ContestJson(
        long id,
        String name,
        String kpi,
        LocalDate from,
        LocalDate to,
        boolean teams,
        String target,
        String grace,
        String status,
        int entries) {

    static ContestJson of(ContestSummary summary) {
        var contest = summary.contest();
        return new ContestJson(
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
