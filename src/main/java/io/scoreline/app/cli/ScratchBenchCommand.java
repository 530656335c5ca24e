package io.scoreline.app.cli;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code bench} subcommand shares: a scratch home (embedded database and all) made for
 * the run and deleted after it, and the report printed as aligned lines or one JSON object.
 */
abstract class ScratchBenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Checks the options before anything starts. */
    protected abstract void validate();

    /** Runs the benchmark with its own home under {@code scratch}; returns the figures in report order. */
    protected abstract Map<String, Object> measure(Path scratch, PrintWriter err);

    @Override
    public Integer call() {
        validate();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scoreline-bench");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot create a scratch directory: " + e.getMessage(), e);
        }
        try {
            var report = measure(scratch, spec.commandLine().getErr());
            var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
            if (output.json()) {
                output.jsonLine(report);
            } else {
                report.forEach((name, value) -> output.line(String.format("%-28s %s", name, value)));
            }
            return 0;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory under the temp folder; the OS cleans it eventually
        }
    }
}
