package io.scoreline.app.console.hub;

import java.time.Duration;
import java.util.Optional;

/** How old the newest synced change can be, in the largest whole unit an operator reads at a glance. */
public final class Lag {

    private Lag() {}

    public static String text(Optional<Duration> lag) {
        if (lag.isEmpty()) {
            return "no data read yet";
        }
        long seconds = lag.get().toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86400 + " days";
    }
}
