package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a person is in the sales organization; the values of {@code profiles.role}. */
public enum Role {
    REP,
    MANAGER,
    ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        return Arrays.stream(values())
                .filter(r -> r.key().equals(key == null ? null : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput("unknown role '" + key + "': use one of "
                        + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "))));
    }
}
