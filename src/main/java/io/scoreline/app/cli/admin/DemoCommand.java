package io.scoreline.app.cli.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.cli.BackfillProgress;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.cli.TerminationSignals;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.demo.DemoRun;
import io.scoreline.app.demo.DemoSettings;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.sync.ProgressListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline demo}: everything Scoreline does, in one command on the embedded database. It
 * resets its own organization ({@code demo}) on every run and leaves the data behind for
 * {@code kpi show}, {@code badges}, {@code runs} and friends.
 */
@Command(
        name = "demo",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline demo",
            "  scoreline demo --live-minutes 0",
            "  scoreline demo --reps 10 --days 30 --live-rate 120 --port 8081"
        },
        description = "The whole product in one command: simulated Salesforce and HubSpot, a seeded organization, "
                + "a backfill, badges and a contest, then live updates (Ctrl-C stops; the data stays for exploring).")
public final class DemoCommand extends ContextCommand {

    static final int PREFERRED_PORT = 8080;

    @Option(
            names = "--live-minutes",
            defaultValue = "5",
            paramLabel = "N",
            description = "Stay live this long after the summary; 0 exits after it (default: ${DEFAULT-VALUE})")
    long liveMinutes;

    @Option(
            names = "--reps",
            defaultValue = "6",
            paramLabel = "N",
            description = "Reps in each CRM (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(
            names = "--days",
            defaultValue = "90",
            paramLabel = "N",
            description = "Days of history to backfill (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "Simulator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--live-rate",
            defaultValue = "60",
            paramLabel = "PER_MINUTE",
            description = "Simulated CRM changes per minute in each CRM while live (default: ${DEFAULT-VALUE})")
    double liveRate;

    @Option(
            names = "--sync-every",
            defaultValue = "PT30S",
            paramLabel = "DURATION",
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
            throw ScorelineException.badInput(
                    "--sync-every must be an ISO-8601 duration such as PT30S, got '" + syncEvery + "'");
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
    protected boolean listens() {
        return true;
    }

    @Override
    protected Optional<Integer> httpPort() {
        return Optional.of(port != null ? port : preferredPortIfFree());
    }

    private TerminationSignals signals;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        // Since JDK 22 System.console() is not null when output is redirected either, so this shows the
        // terminal bar there too; Console.isTerminal() would tell, but it changes what a redirected run prints.
        @SuppressWarnings("SystemConsoleNull")
        var progress = System.console() != null && !output.json();
        try {
            new DemoRun(
                            context,
                            settings,
                            output,
                            () -> progress ? BackfillProgress.forTerminal() : ProgressListener.none())
                    .run(context.getBean(EmbeddedServer.class), this::awaitStop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The live phase's wait. Its first call takes SIGTERM and Ctrl-C over, so that a stop while
     * scheduled syncs run returns from {@link #run} and the context closes in order (ADR 0023);
     * before that the set-up and backfill stop as any command does.
     */
    private boolean awaitStop(Duration timeout) throws InterruptedException {
        if (signals == null) {
            signals = TerminationSignals.install();
        }
        return signals.await(timeout);
    }

    @Override
    protected void afterClose() {
        if (signals != null) {
            signals.stopped();
            signals.close();
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
