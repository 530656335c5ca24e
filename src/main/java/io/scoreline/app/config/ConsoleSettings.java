package io.scoreline.app.config;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;

/**
 * The operator console's sessions (issue 24, ADR 0050).
 *
 * @param idleTimeout a session unused this long ends
 * @param maxAge      a session ends this long after sign-in, used or not
 */
public record ConsoleSettings(Duration idleTimeout, Duration maxAge) {

    public static final String IDLE_TIMEOUT = "SCORELINE_CONSOLE_IDLE_TIMEOUT";
    public static final String MAX_AGE = "SCORELINE_CONSOLE_MAX_AGE";

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Duration.ofMinutes(30), Duration.ofHours(12));
    }

    static ConsoleSettings read(SettingsReader settings) {
        var defaults = defaults();
        var idle = settings.duration(IDLE_TIMEOUT, defaults.idleTimeout());
        var maxAge = settings.duration(MAX_AGE, defaults.maxAge());
        if (idle.compareTo(Duration.ofMinutes(1)) < 0) {
            throw ScorelineException.badInput(IDLE_TIMEOUT + " must be at least PT1M, got " + idle);
        }
        // A week at most: a stolen cookie must not outlive a working week.
        if (maxAge.compareTo(idle) < 0 || maxAge.compareTo(Duration.ofDays(7)) > 0) {
            throw ScorelineException.badInput(
                    MAX_AGE + " must be from " + IDLE_TIMEOUT + " (" + idle + ") to P7D, got " + maxAge);
        }
        return new ConsoleSettings(idle, maxAge);
    }
}
