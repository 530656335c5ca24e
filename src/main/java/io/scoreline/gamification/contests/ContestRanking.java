package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.util.Locale;

/**
 * What a contest ranks by: the KPI's value, or the value as a percent of each participant's goal
 * for the contest's window (so a new rep with a small goal and a senior rep with a large one compete
 * on even terms). {@link #key()} is the value of {@code contests.rank_by} and of {@code --rank-by}.
 */
public enum ContestRanking {
    VALUE,
    PERCENT_OF_GOAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContestRanking fromKey(String key) {
        for (var ranking : values()) {
            if (ranking.key().equals(key)) {
                return ranking;
            }
        }
        throw new IllegalArgumentException("unknown contest ranking '" + key + "'");
    }

    /** {@code value} or {@code percent_of_goal}; none means value. */
    public static ContestRanking parse(String value, String field) {
        if (value == null) {
            return VALUE;
        }
        var text = value.strip().toLowerCase(Locale.ROOT);
        for (var ranking : values()) {
            if (ranking.key().equals(text)) {
                return ranking;
            }
        }
        throw ScorelineException.badInput(field + " must be value or percent_of_goal, got '" + value + "'");
    }
}
