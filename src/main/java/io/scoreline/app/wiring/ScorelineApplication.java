package io.scoreline.app.wiring;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.inject.BeanDefinitionReference;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the Micronaut context of one Scoreline process with its validated configuration. */
public final class ScorelineApplication {

    /**
     * The HTTP side: Micronaut's server, router and HTTP codecs, and our controllers and filters.
     * A command that does not listen never asks for any of them, but a context that knows them
     * loads the bean definition of every one of them and builds the route of every controller
     * method at start (ADR 0054). Matched on the definitions' class names, before they are loaded.
     */
    private static final List<String> HTTP_SIDE = List.of(
            "io.micronaut.http.",
            "io.micronaut.web.router.",
            "io.micronaut.runtime.http.",
            "io.micronaut.runtime.server.",
            "io.micronaut.buffer.netty.",
            "io.micronaut.websocket.",
            "io.scoreline.app.http.",
            "io.scoreline.app.console.");

    private ScorelineApplication() {}

    /** The whole application, HTTP side included: what {@code serve}, {@code demo} and the HTTP benches run. */
    public static ApplicationContext start(ScorelineConfig config) {
        return builder(config).start();
    }

    /**
     * The application without its HTTP side, for a command that does not listen: the same beans
     * as {@link #start} for everything else (ADR 0054). Asking it for an HTTP bean fails.
     */
    public static ApplicationContext startWithoutHttp(ScorelineConfig config) {
        return builder(config)
                .beanDefinitionsProvider(ScorelineApplication::definitionsOutsideHttpSide)
                .start();
    }

    /**
     * What Micronaut's own provider does (every definition its annotation processors listed under
     * META-INF/micronaut, instantiated, kept when its bean class is present), minus the HTTP side.
     */
    private static List<BeanDefinitionReference<?>> definitionsOutsideHttpSide(ClassLoader loader) {
        try {
            return MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(
                            loader, BeanDefinitionReference.class.getName())
                    .parallelStream()
                    .filter(ScorelineApplication::outsideHttpSide)
                    .map(name -> definition(name, loader))
                    .flatMap(Optional::stream)
                    .filter(BeanDefinitionReference::isPresent)
                    .toList();
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot list the bean definitions: " + e.getMessage(), e);
        }
    }

    /** Empty when a class the definition needs is not on the class path (an optional integration). */
    private static Optional<BeanDefinitionReference<?>> definition(String name, ClassLoader loader) {
        try {
            return Optional.of((BeanDefinitionReference<?>)
                    Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        } catch (NoClassDefFoundError e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ScorelineException(FailureKind.BUG, "cannot load the bean definition " + name, e);
        }
    }

    static boolean outsideHttpSide(String name) {
        for (var prefix : HTTP_SIDE) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static ApplicationContextBuilder builder(ScorelineConfig config) {
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
                .banner(false);
    }
}
