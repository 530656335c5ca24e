package io.scoreline.gamification.goalalerts;

import java.time.Duration;
import java.util.Objects;

/**
 * @param behindPaceShare how far below pace a person must fall before being told: behind pace means
 *                        a value below {@code pace × (1 − share)}, so with 0.25 a rep at 74 % of where
 *                        the working days say they should be hears about it, one at 80 % does not
 * @param coalesce        at most one behind-pace notification per person within this window (the rank
 *                        notifications' window), so one bad morning on three goals is one message
 */
public record GoalAlertSettings(double behindPaceShare, Duration coalesce) {

    public static final double DEFAULT_BEHIND_PACE_SHARE = 0.25;

    public GoalAlertSettings {
        Objects.requireNonNull(coalesce, "coalesce");
        if (!(behindPaceShare > 0 && behindPaceShare <= 1)) {
            throw new IllegalArgumentException("behindPaceShare must be more than 0 and at most 1");
        }
    }

    public static GoalAlertSettings defaults() {
        return new GoalAlertSettings(DEFAULT_BEHIND_PACE_SHARE, Duration.ofMinutes(15));
    }
}
