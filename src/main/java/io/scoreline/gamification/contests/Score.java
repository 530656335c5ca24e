package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A participant's score and when it was reached. {@code reachedAt} comes from the data (the moment
 * of the last activity counted), not from when Scoreline happened to process it, so a rep whose CRM
 * synced late is not ranked behind someone who did the same work later, and a full recomputation
 * gives exactly the board the incremental updates built.
 */
record Score(BigDecimal value, Optional<Instant> reachedAt) {

    static final Score ZERO = new Score(BigDecimal.ZERO, Optional.empty());

    boolean positive() {
        return value.signum() > 0;
    }
}
