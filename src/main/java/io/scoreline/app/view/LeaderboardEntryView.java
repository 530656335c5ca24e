package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.gamification.goals.ContestGoals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One leaderboard row: a line of {@code leaderboard --contest ID --json} and an entry of {@code GET
 * /contests/{contestId}/leaderboard}. An undefined score (a ratio below its minimum denominator) is
 * {@code "score": null} with {@code undefined} saying why. Fields that only some rows have are
 * absent from the others: {@code undefined}; {@code goal} (the participant's progress towards their
 * goal for the period holding the contest's window, the fields of {@code goal progress --json});
 * {@code pair}, {@code opponent} and {@code pair_status} ({@code ahead}, {@code behind} or {@code
 * draw}) in a head-to-head contest.
 */
@Serdeable
public record LeaderboardEntryView(
        int rank,
        String participant,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable BigDecimal score,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String undefined,

        @JsonProperty("reached_at") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        Instant reachedAt,

        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GoalProgressView goal,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer pair,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String opponent,

        @JsonProperty("pair_status") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String pairStatus) {

    /** Every row of the board, best first. */
    public static List<LeaderboardEntryView> of(ContestGoals.GoalBoard board) {
        var leaderboard = board.leaderboard();
        var status = leaderboard.contest().status().key();
        return leaderboard.entries().stream()
                .map(e ->
                        of(e, status, board.goalOf(e.participantKey()).map(GoalProgressView::of), leaderboard.pairs()))
                .toList();
    }

    /** One row; {@code pairs} are the board's head-to-head pairs (none in other formats). */
    public static LeaderboardEntryView of(
            LeaderboardEntry entry, String status, Optional<GoalProgressView> goal, List<Leaderboard.Matchup> pairs) {
        var matchup = pairs.stream()
                .filter(p -> entry.participant().equals(p.first())
                        || entry.participant().equals(p.second()))
                .findFirst();
        return new LeaderboardEntryView(
                entry.rank(),
                entry.participant(),
                entry.value().map(LeaderboardEntryView::plain).orElse(null),
                entry.undefinedReason().orElse(null),
                entry.reachedAt().orElse(null),
                status,
                goal.orElse(null),
                matchup.map(Leaderboard.Matchup::pair).orElse(null),
                matchup.map(p -> entry.participant().equals(p.first()) ? p.second() : p.first())
                        .orElse(null),
                matchup.map(p -> p.leader()
                                .map(leader -> leader.equals(entry.participant()) ? "ahead" : "behind")
                                .orElse("draw"))
                        .orElse(null));
    }

    /** Without trailing zeros, never in exponent form: 3 rather than 3.000000 or 3E+1. */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
