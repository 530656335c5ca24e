package io.scoreline.app;

import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.ScorelineCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** The entry point of {@code scoreline} and {@code java -jar target/scoreline.jar}. */
public final class Scoreline {

    private Scoreline() {}

    public static void main(String[] args) {
        // UTF-8 explicitly: what the default charset has been since JDK 18, whatever the terminal's locale.
        System.exit(execute(
                System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                args));
    }

    /** Runs one command line with the given settings and output streams; returns its exit code. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // Before the first logger exists: logback reads these when it initializes.
        if (System.getProperty("scoreline.log.level") == null) {
            System.setProperty(
                    "scoreline.log.level",
                    verbose ? "DEBUG" : args.length > 0 && args[0].equals("serve") ? "INFO" : "WARN");
        }
        if (verbose && System.getProperty("scoreline.log.root-level") == null) {
            System.setProperty("scoreline.log.root-level", "INFO");
        }
        var handler = new CliErrorHandler(verbose);
        return ScorelineCommand.commandLine(environment, args)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .execute(args);
    }
}
