package io.scoreline.gamification.contests;

import java.util.Optional;

/**
 * A contest with the number of rows on its leaderboard (people, or teams) and, when it is one period
 * of a series, how often the series runs.
 */
public record ContestSummary(Contest contest, int entries, Optional<Recurrence> every) {

    public ContestSummary(Contest contest, int entries) {
        this(contest, entries, Optional.empty());
    }
}
