package io.scoreline.gamification.contests;

import java.time.Duration;
import java.util.Objects;

/**
 * @param tick                how often the lifecycle ticker looks for contests to move
 * @param rankNotifyCoalesce  at most one rank notification (took the lead, entered the top 3) per
 *                            person and contest within this window, so a close race does not flood
 *                            a rep's phone
 */
public record ContestSettings(Duration tick, Duration rankNotifyCoalesce) {

    public ContestSettings {
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(rankNotifyCoalesce, "rankNotifyCoalesce");
    }

    public static ContestSettings defaults() {
        return new ContestSettings(Duration.ofMinutes(1), Duration.ofMinutes(15));
    }
}
