package io.scoreline.app.config;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.util.Map;

/**
 * How {@code serve} and {@code demo} stop (ADR 0023).
 *
 * @param grace how long work in flight (scheduled syncs, inbox and evaluator batches) may take to
 *              finish once a stop is requested; what is still running then is cut short and retried
 *              by the next fire, batch or start
 */
public record ShutdownSettings(Duration grace) {

    public static final String SHUTDOWN_GRACE = "SCORELINE_SHUTDOWN_GRACE";
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    private static final Duration MAX_GRACE = Duration.ofMinutes(10);

    public static ShutdownSettings read(Map<String, String> environment) {
        return read(new SettingsReader(environment));
    }

    static ShutdownSettings read(SettingsReader settings) {
        var grace = settings.duration(SHUTDOWN_GRACE, DEFAULT_GRACE);
        if (grace.compareTo(MAX_GRACE) > 0) {
            throw ScorelineException.badInput(SHUTDOWN_GRACE + " must be at most " + MAX_GRACE + ", got " + grace);
        }
        return new ShutdownSettings(grace);
    }
}
