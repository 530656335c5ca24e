package io.scoreline.app.cli.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.background.BackgroundWorkSupervisor;
import io.scoreline.app.background.HttpIntake;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.cli.ScorelineCommand;
import io.scoreline.app.cli.TerminationSignals;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.config.ShutdownSettings;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseRuntime;
import java.net.BindException;
import java.util.Optional;
import org.apache.camel.CamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline serve}: the long-running process: HTTP, Camel and every background work (schedule, workers). */
@Command(
        name = "serve",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline serve",
            "  scoreline serve --port 9090 --db jdbc:postgresql://127.0.0.1:5432/scoreline?user=scoreline"
        },
        description =
                "Run the server: /health, /metrics and the clustered sync schedule; stops cleanly on Ctrl-C or SIGTERM.")
public final class ServeCommand extends ContextCommand {

    @Option(names = "--port", description = "HTTP port (default: SCORELINE_HTTP_PORT, else 8080; 0 picks a free one)")
    Integer port;

    private ShutdownSettings shutdown;
    private TerminationSignals signals;
    private CliOutput output;
    private String stoppedLine;

    @Override
    protected void validate() {
        shutdown = ShutdownSettings.read(ScorelineCommand.environmentOf(spec));
    }

    @Override
    protected boolean listens() {
        return true;
    }

    @Override
    protected Optional<Integer> httpPort() {
        RangeOption.port("--port", port);
        return Optional.ofNullable(port);
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        this.output = output;
        // Before the embedded database starts: from here on a signal asks us to stop in order.
        signals = TerminationSignals.install();
        // Database first: a bad database fails before we take the port.
        context.getBean(DatabaseRuntime.class);
        context.getBean(CamelContext.class);
        var background = context.getBean(BackgroundWorkSupervisor.class);
        int requestedPort = context.getBean(ScorelineConfig.class).httpPort();
        var server = context.getBean(EmbeddedServer.class);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                // Micronaut has closed the context by now: only values read before are usable.
                throw new ScorelineException(
                        FailureKind.BAD_INPUT,
                        "port " + requestedPort
                                + " is already in use: choose another with --port or SCORELINE_HTTP_PORT");
            }
            throw e;
        }
        var statuses = background.start();
        output.line("Scoreline listening on " + server.getURL() + " (health: /health, metrics: /metrics); "
                + String.join("; ", statuses) + "; Ctrl-C stops it");
        try {
            signals.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The reverse of the start (ADR 0023): no new requests, then the schedule and the workers
        // with their work in flight; closing the context then closes the pool and the database.
        HttpIntake.stop(server);
        boolean finished = background.stop(shutdown.grace());
        stoppedLine = finished
                ? "scoreline: stopped"
                : "scoreline: stopped (work still running after "
                        + shutdown.grace().toSeconds() + " s was cut short)";
        return 0;
    }

    @Override
    protected void afterClose() {
        if (stoppedLine != null) {
            output.line(stoppedLine);
        }
        if (signals != null) {
            signals.stopped();
            signals.close();
        }
    }

    @SuppressWarnings("ReferenceEquality") // a cause that is the exception itself ends the chain: identity on purpose
    private static boolean causedByBind(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
