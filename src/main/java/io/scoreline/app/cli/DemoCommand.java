package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.demo.DemoRun;
import io.scoreline.app.demo.DemoSettings;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.sync.ProgressListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline demo}: everything Scoreline does, in one command on the embedded database. It
 * resets its own organization ({@code demo}) on every run and leaves the data behind for
 * {@code kpi show}, {@code badges}, {@code runs} and friends.
 */
@Command(name = "demo",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline demo",
                "  scoreline demo --live-minutes 0",
                "  scoreline demo --reps 10 --days 30 --live-rate 120 --port 8081"},
        description = "The whole product in one command: simulated Salesforce and HubSpot, a seeded organization, "
        + "a backfill, badges and a contest, then live updates (Ctrl-C stops; the data stays for exploring).")
final class DemoCommand extends ContextCommand {

    static final int PREFERRED_PORT = 8080;

    @Option(names = "--live-minutes", defaultValue = "5", paramLabel = "N",
            description = "Stay live this long after the summary; 0 exits after it (default: ${DEFAULT-VALUE})")
    long liveMinutes;

    @Option(names = "--reps", defaultValue = "6", paramLabel = "N", description = "Reps in each CRM (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--days", defaultValue = "90", paramLabel = "N", description = "Days of history to backfill (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "Simulator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--live-rate", defaultValue = "60", paramLabel = "PER_MINUTE",
            description = "Simulated CRM changes per minute in each CRM while live (default: ${DEFAULT-VALUE})")
    double liveRate;

    @Option(names = "--sync-every", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "The demo's stand-in for the hourly schedule, ISO-8601 (default: ${DEFAULT-VALUE})")
    String syncEvery;

    @Option(names = "--port", description = "HTTP port (default: 8080 if free, else any free port)")
    Integer port;

    private DemoSettings settings;

    @Override
    protected void validate() {
        // A week at most: Duration.ofMinutes overflows long before Long.MAX_VALUE.
        RangeOption.check("--live-minutes", liveMinutes, 0, 7 * 24 * 60);
        RangeOption.check("--live-rate", liveRate, 0, 100_000);
        RangeOption.port("--port", port);
        Duration interval;
        try {
            interval = Duration.parse(syncEvery);
        } catch (DateTimeParseException e) {
            throw ScorelineException.badInput("--sync-every must be an ISO-8601 duration such as PT30S, got '" + syncEvery + "'");
        }
        settings = new DemoSettings(seed, reps, days, Duration.ofMinutes(liveMinutes), liveRate, interval);
    }

    @Override
    protected Map<String, String> environment(Map<String, String> environment) {
        var adjusted = new HashMap<>(environment);
        adjusted.put(ScorelineConfig.SYNC_INTERVAL, settings.syncEvery().toString());
        return adjusted;
    }

    @Override
    protected Optional<Integer> httpPort() {
        return Optional.of(port != null ? port : preferredPortIfFree());
    }

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var progress = System.console() != null && !output.json();
        // Ctrl-C lets the run return, so that the context (server, scheduler, embedded database) closes in order.
        var hook = new Thread(this::requestStopAndWait, "scoreline-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new DemoRun(context, settings, output, () -> progress ? BackfillProgress.forTerminal() : ProgressListener.none())
                    .run(context.getBean(EmbeddedServer.class), timeout -> stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    private void requestStopAndWait() {
        stopRequested.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void afterClose() {
        stopped.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the hook is running and waits for afterClose.
        }
    }

    /** 8080 like {@code serve} when nothing listens there; otherwise any free port, so a running server does not stop the demo. */
    private static int preferredPortIfFree() {
        try (var probe = new ServerSocket(PREFERRED_PORT)) {
            probe.setReuseAddress(true);
            return PREFERRED_PORT;
        } catch (IOException e) {
            return 0;
        }
    }
}
