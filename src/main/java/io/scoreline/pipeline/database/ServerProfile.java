package io.scoreline.pipeline.database;

import java.util.Map;

/**
 * How the embedded server trades durability for speed. The product always runs {@link #DURABLE};
 * only the test suite's shared server runs {@link #FAST_FOR_TESTS}, whose data is thrown away.
 */
public enum ServerProfile {

    /**
     * PostgreSQL's own durable defaults, stated explicitly because the embedded library passes
     * {@code -F} (fsync off) and {@code synchronous_commit=off}; a later {@code -c} wins (ADR 0019).
     * Paths whose replay is idempotent opt out per transaction with
     * {@code SET LOCAL synchronous_commit = off}.
     */
    DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),

    /** Test fixtures: an OS crash may lose or corrupt them, and nobody minds. */
    FAST_FOR_TESTS(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

    @SuppressWarnings("ImmutableEnumChecker") // Map.of: immutable
    private final Map<String, String> settings;

    ServerProfile(Map<String, String> settings) {
        this.settings = settings;
    }

    /** The server settings ({@code -c name=value}) this profile adds. */
    public Map<String, String> settings() {
        return settings;
    }
}
