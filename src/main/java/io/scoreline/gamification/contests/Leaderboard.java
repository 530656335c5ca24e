package io.scoreline.gamification.contests;

import java.util.List;
import java.util.Optional;

/**
 * A contest and its ranked entries, best first; for a head-to-head contest also its pairs, each with
 * the name of the one ahead (none while drawn).
 */
public record Leaderboard(Contest contest, List<LeaderboardEntry> entries, List<Matchup> pairs) {

    public Leaderboard {
        entries = List.copyOf(entries);
        pairs = List.copyOf(pairs);
    }

    public Leaderboard(Contest contest, List<LeaderboardEntry> entries) {
        this(contest, entries, List.of());
    }

    /** One head-to-head pair by the participants' names (e-mails). */
    public record Matchup(int pair, String first, String second, Optional<String> leader) {}
}
