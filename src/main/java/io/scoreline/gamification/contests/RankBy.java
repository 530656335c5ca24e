package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.util.Locale;

/**
 * What a contest's board ranks by (ADR 0046): the KPI's value, or each participant's value as a
 * percent of their goal for the contest's goal period, so a new rep with a small goal and a senior
 * rep with a large one compete on even terms.
 */
public enum RankBy {
    VALUE("value"),
    PERCENT_OF_GOAL("percent_of_goal");

    private final String key;

    RankBy(String key) {
        this.key = key;
    }

    /** The value of {@code contests.rank_by}, of {@code --rank-by} and of the API's {@code rank_by}. */
    public String key() {
        return key;
    }

    public static RankBy fromKey(String key) {
        for (var rankBy : values()) {
            if (rankBy.key.equals(key)) {
                return rankBy;
            }
        }
        throw new IllegalArgumentException("unknown contest ranking '" + key + "'");
    }

    /** {@code --rank-by} as the caller spelled it (absent: value); {@code field} names it in the message. */
    public static RankBy parse(String value, String field) {
        if (value == null) {
            return VALUE;
        }
        var text = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (var rankBy : values()) {
            if (rankBy.key.equals(text)) {
                return rankBy;
            }
        }
        throw ScorelineException.badInput(field + " must be value or percent_of_goal, got '" + value + "'");
    }
}
