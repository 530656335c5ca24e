package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs inside a Micronaut context built from the environment and its options.
 * The context, and with it the embedded database, is closed when the command returns.
 */
public abstract class ContextCommand implements Callable<Integer> {

    @Mixin
    protected CommonOptions common;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        validate();
        var config = ScorelineConfig.resolve(
                environment(ScorelineCommand.environmentOf(spec)), common.overrides(httpPort()));
        var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
        try (ApplicationContext context =
                listens() ? ScorelineApplication.start(config) : ScorelineApplication.startWithoutHttp(config)) {
            return run(context, output);
        } finally {
            afterClose();
        }
    }

    /** Called once the context, and with it the database, is closed. */
    protected void afterClose() {}

    /** Checks the arguments before anything starts; throw a bad-input failure to reject them. */
    protected void validate() {}

    /** The settings this command runs with; a command may set its own defaults (the demo compresses the schedule). */
    protected Map<String, String> environment(Map<String, String> environment) {
        return environment;
    }

    /**
     * Whether the command serves HTTP. Only those get the HTTP side of the context (server, routes,
     * controllers); building it is the largest part of a short command's start-up (ADR 0054).
     */
    protected boolean listens() {
        return false;
    }

    /** The HTTP port option, for the commands that listen. */
    protected Optional<Integer> httpPort() {
        return Optional.empty();
    }

    protected abstract int run(ApplicationContext context, CliOutput output);
}
