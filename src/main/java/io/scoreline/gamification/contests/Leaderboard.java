package io.scoreline.gamification.contests;

import java.util.List;

/** A contest and its ranked entries, best first. */
public record Leaderboard(Contest contest, List<LeaderboardEntry> entries) {

    public Leaderboard {
        entries = List.copyOf(entries);
    }
}
