package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of a leaderboard. {@code participantKey} is {@code profile:<id>} or {@code team:<id>};
 * {@code participant} is the person's e-mail or the team's name. {@code reachedAt} is when the last
 * activity counted in the score happened: of two equal scores, the earlier one ranks higher.
 */
public record LeaderboardEntry(
        int rank, String participantKey, String participant, BigDecimal score, Optional<Instant> reachedAt) {}
