package io.scoreline.gamification.badges;

import java.util.Locale;
import java.util.Optional;

/** The calendar periods a badge can be earned in; {@link #key()} is the prefix of its period keys. */
public enum PeriodUnit {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    ALL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PeriodUnit> fromKey(String key) {
        for (var unit : values()) {
            if (unit.key().equals(key)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
