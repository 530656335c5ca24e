package io.scoreline.app.wiring;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.ScorelineConfig;
import java.util.Map;

/** Starts the Micronaut context of one Scoreline process with its validated configuration. */
public final class ScorelineApplication {

    private ScorelineApplication() {}

    public static ApplicationContext start(ScorelineConfig config) {
        return ApplicationContext.builder()
                .singletons(config)
                .properties(Map.of(
                        "micronaut.server.port",
                        config.httpPort(),
                        // Webhooks are the only large bodies; anything bigger is refused with 413 before it is read.
                        "micronaut.server.max-request-size",
                        config.webhooks().maxBytes(),
                        // A connection without traffic is closed; a request that trickles is closed by
                        // RequestReadDeadline.
                        "micronaut.server.idle-timeout",
                        config.webhooks().idleTimeout().toMillis() + "ms",
                        "micronaut.application.name",
                        "scoreline"))
                .banner(false)
                .start();
    }
}
