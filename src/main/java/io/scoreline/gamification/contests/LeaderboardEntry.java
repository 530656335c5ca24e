package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of a leaderboard. {@code participantKey} is {@code profile:<id>} or {@code team:<id>};
 * {@code participant} is the person's e-mail or the team's name. {@code score} is the value, or
 * why there is none (a ratio below its minimum denominator; such rows rank last). {@code reachedAt}
 * is when the last activity counted in the score happened: of two equal scores, the earlier one
 * ranks higher.
 */
public record LeaderboardEntry(
        int rank, String participantKey, String participant, MeasuredValue score, Optional<Instant> reachedAt) {

    /** The score's number; empty when the score is undefined. */
    public Optional<BigDecimal> value() {
        return score instanceof MeasuredValue.Defined(var v) ? Optional.of(v) : Optional.empty();
    }

    /** Why the row has no score (e.g. too few calls for a connect rate); empty when it has one. */
    public Optional<String> undefinedReason() {
        return score instanceof MeasuredValue.Undefined(var reason) ? Optional.of(reason) : Optional.empty();
    }
}
