package io.scoreline.pipeline.goals;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The periods a goal can be set for; the values of {@code goals.period_unit}. */
public enum GoalPeriodUnit {
    WEEK,
    MONTH,
    QUARTER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GoalPeriodUnit fromKey(String key) {
        return Arrays.stream(values())
                .filter(u -> u.key().equals(key == null ? null : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput("unknown goal period '" + key + "': use one of "
                        + Arrays.stream(values()).map(GoalPeriodUnit::key).collect(Collectors.joining(", "))));
    }
}
