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
                        "scoreline",
                        // Micronaut refuses a request to localhost whose Origin is not localhost, and a browser
                        // sends "Origin: null" with the console's own forms under Referrer-Policy: no-referrer.
                        // The console guards its forms itself (SameSite=Strict, CSRF token, Sec-Fetch-Site /
                        // Origin, ADR 0050); the API takes bearer keys only and webhooks are signed.
                        "micronaut.server.cors.localhost-pass-through",
                        true))
                .banner(false)
                .start();
    }
}
