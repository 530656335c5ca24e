package io.scoreline.app.cli;

import io.scoreline.app.bench.BackfillBenchmark;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scoreline bench backfill --records N}: simulator → Camel → pipeline → scratch embedded
 * database, end to end. Cap the heap with {@code SCORELINE_JAVA_OPTS=-Xmx256m} to measure under it.
 */
@Command(name = "backfill", description = "Backfill N simulated Task records end to end on a scratch embedded database.")
final class BenchBackfillCommand implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "100000", description = "About how many Task records (default: ${DEFAULT-VALUE})")
    long records;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (records < 1000) {
            throw ScorelineException.badInput("--records must be at least 1000");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scoreline-bench");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot create a scratch directory: " + e.getMessage(), e);
        }
        try {
            var clock = Clock.systemUTC();
            var progress = BackfillProgress.forLog(spec.commandLine().getErr(), clock);
            var report = new BackfillBenchmark(clock).run(records, scratch, progress);
            var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
            if (output.json()) {
                output.jsonLine(report.toJson());
            } else {
                report.toJson().forEach((name, value) -> output.line(String.format("%-28s %s", name, value)));
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
