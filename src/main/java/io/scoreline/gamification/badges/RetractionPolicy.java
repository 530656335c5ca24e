package io.scoreline.gamification.badges;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens to an award when corrected data takes the person back under its rule: {@code STICKY}
 * keeps it (it was celebrated) and records the reversal, {@code REVOCABLE} revokes it quietly.
 */
public enum RetractionPolicy {
    STICKY,
    REVOCABLE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RetractionPolicy> fromKey(String key) {
        return switch (key) {
            case "sticky" -> Optional.of(STICKY);
            case "revocable" -> Optional.of(REVOCABLE);
            default -> Optional.empty();
        };
    }
}
