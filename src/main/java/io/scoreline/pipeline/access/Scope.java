package io.scoreline.pipeline.access;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a key may do. Scopes nest: admin includes write, write includes read. */
public enum Scope {
    READ,
    WRITE,
    ADMIN;

    /** Whether a key with this scope may call an endpoint that needs {@code needed}. */
    public boolean covers(Scope needed) {
        return compareTo(needed) >= 0;
    }

    /** This scope and every scope it includes, lowest first: what {@code --json} and the API print. */
    public List<String> granted() {
        return Arrays.stream(values()).filter(this::covers).map(Scope::key).toList();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.key().equals(value))
                .findFirst()
                .orElseThrow(() -> ScorelineException.badInput(
                        "invalid scope '" + value + "': use read, write or admin (each includes the ones before it)"));
    }
}
