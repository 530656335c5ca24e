package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of a leaderboard. {@code participantKey} is {@code profile:<id>} or {@code team:<id>};
 * {@code participant} is the person's e-mail or the team's name. {@code reachedAt} is when the last
 * activity counted in the score happened: of two equal scores, the earlier one ranks higher. In a
 * percent-of-goal contest {@code score} is the percent and {@code goal} what it is of; a row without a
 * goal ranks last and {@code withoutGoal} says so.
 */
public record LeaderboardEntry(
        int rank,
        String participantKey,
        String participant,
        BigDecimal score,
        Optional<Instant> reachedAt,
        Optional<BigDecimal> goal,
        boolean withoutGoal) {

    /**
     * What the {@code goal} field of the leaderboard's JSON says: nothing in a contest ranked by value
     * (absent), the goal in one ranked by percent of goal, {@code none} for a row without a goal.
     */
    public Optional<String> goalText(Contest contest) {
        if (contest.rankBy() == ContestRanking.VALUE) {
            return Optional.empty();
        }
        return Optional.of(goal.map(g -> {
                    var stripped = g.stripTrailingZeros();
                    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
                })
                .orElse("none"));
    }

    public LeaderboardEntry(
            int rank, String participantKey, String participant, BigDecimal score, Optional<Instant> reachedAt) {
        this(rank, participantKey, participant, score, reachedAt, Optional.empty(), false);
    }
}
