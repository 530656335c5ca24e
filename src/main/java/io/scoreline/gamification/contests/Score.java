package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A participant's score and when it was reached. {@code reachedAt} comes from the data (the moment
 * of the last activity counted), not from when Scoreline happened to process it, so a rep whose CRM
 * synced late is not ranked behind someone who did the same work later, and a full recomputation
 * gives exactly the board the incremental updates built. In a percent-of-goal contest {@code value}
 * is the percent and {@code goal} the goal it is of (none: the participant has no goal).
 */
record Score(BigDecimal value, Optional<Instant> reachedAt, Optional<BigDecimal> goal) {

    static final Score ZERO = new Score(BigDecimal.ZERO, Optional.empty());

    Score(BigDecimal value, Optional<Instant> reachedAt) {
        this(value, reachedAt, Optional.empty());
    }

    boolean positive() {
        return value.signum() > 0;
    }
}
