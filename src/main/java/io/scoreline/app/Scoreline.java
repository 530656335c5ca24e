package io.scoreline.app;

import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.ScorelineCommand;
import java.util.Arrays;
import picocli.CommandLine;

/** The entry point of {@code scoreline} and {@code java -jar target/scoreline.jar}. */
public final class Scoreline {

    private Scoreline() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // Before the first logger exists: logback reads these when it initializes.
        if (System.getProperty("scoreline.log.level") == null) {
            System.setProperty("scoreline.log.level", verbose ? "DEBUG" : args.length > 0 && args[0].equals("serve") ? "INFO" : "WARN");
        }
        if (verbose && System.getProperty("scoreline.log.root-level") == null) {
            System.setProperty("scoreline.log.root-level", "INFO");
        }
        var handler = new CliErrorHandler(verbose);
        return new CommandLine(new ScorelineCommand())
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .execute(args);
    }
}
