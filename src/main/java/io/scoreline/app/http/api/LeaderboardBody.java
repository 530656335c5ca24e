package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.app.view.LeaderboardEntryView;
import io.scoreline.gamification.goals.ContestGoals;
import java.util.List;

/**
 * A contest's board: the contest, and its entries as {@code leaderboard --contest ID --json} prints
 * them ({@link LeaderboardEntryView}: rank, person's e-mail or team's name, score, when it was
 * reached, the contest's status, the goal where the participant has one, the head-to-head pair).
 * An undefined score (a ratio below its minimum denominator) is {@code "score": null} with
 * {@code "undefined"} saying why. A board ranked by percent of goal ({@code "rank_by":
 * "percent_of_goal"}) scores each row in percent of the goal for {@code goal_period}; a row without
 * a goal is undefined with the reason (ADR 0046).
 */
@Serdeable
public record LeaderboardBody(
        @JsonProperty("contest_id") long contestId,
        String name,
        String kpi,
        String unit,
        boolean teams,
        String status,
        List<LeaderboardEntryView> entries,
        String format,
        List<Pair> pairs,
        @JsonProperty("rank_by") String rankBy,

        @JsonProperty("goal_period") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        String goalPeriod) {

    /** A head-to-head pair (ADR 0045): the two people's e-mails and the one ahead, null while drawn. */
    @Serdeable
    public record Pair(
            int pair,
            String first,
            String second,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String leader) {}

    static LeaderboardBody of(ContestGoals.GoalBoard goals) {
        var board = goals.leaderboard();
        var contest = board.contest();
        return new LeaderboardBody(
                contest.id(),
                contest.name(),
                contest.kpiKey(),
                contest.unit().key(),
                contest.teams(),
                contest.status().key(),
                LeaderboardEntryView.of(goals),
                contest.format().key(),
                board.pairs().stream()
                        .map(p -> new Pair(
                                p.pair(), p.first(), p.second(), p.leader().orElse(null)))
                        .toList(),
                contest.rankBy().key(),
                contest.goalPeriod().map(p -> p.key()).orElse(null));
    }
}
