package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.background.BackgroundWorks;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.DatabaseRuntime;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline serve}: the long-running process: HTTP, Camel and every background work (schedule, workers). */
@Command(name = "serve",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline serve",
                "  scoreline serve --port 9090 --db jdbc:postgresql://127.0.0.1:5432/scoreline?user=scoreline"},
        description = "Run the server: /health, /metrics and the clustered sync schedule; stops cleanly on Ctrl-C or SIGTERM.")
final class ServeCommand extends ContextCommand {

    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    @Option(names = "--port", description = "HTTP port (default: SCORELINE_HTTP_PORT, else 8080; 0 picks a free one)")
    Integer port;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    protected Optional<Integer> httpPort() {
        RangeOption.port("--port", port);
        return Optional.ofNullable(port);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        // Database first: a bad database fails before we take the port.
        context.getBean(DatabaseRuntime.class);
        context.getBean(CamelContext.class);
        var background = context.getBean(BackgroundWorks.class);
        int requestedPort = context.getBean(ScorelineConfig.class).httpPort();
        var server = context.getBean(EmbeddedServer.class);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                // Micronaut has closed the context by now: only values read before are usable.
                throw new ScorelineException(FailureKind.BAD_INPUT, "port " + requestedPort + " is already in use: choose another with --port or SCORELINE_HTTP_PORT");
            }
            throw e;
        }
        var statuses = background.start();
        var hook = new Thread(this::requestStopAndWait, "scoreline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        output.line("Scoreline listening on " + server.getURL() + " (health: /health, metrics: /metrics); "
                + String.join("; ", statuses) + "; Ctrl-C stops it");
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // New work stops first; closing the context then waits for the work in flight.
        background.stop();
        server.stop();
        return 0;
    }

    /** Runs on SIGTERM / Ctrl-C: lets {@link #run} return so that the context closes in order. */
    private void requestStopAndWait() {
        stopRequested.countDown();
        try {
            stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void afterClose() {
        stopped.countDown();
    }

    private static boolean causedByBind(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
