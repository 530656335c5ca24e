package io.scoreline.app.cli;

import io.scoreline.app.bench.BackfillBenchmark;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
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

    @Option(names = "--bulk-threshold", paramLabel = "N", description = "Read objects of more than N records through Bulk API 2.0; "
            + "0 = REST only (default: SCORELINE_BULK_THRESHOLD, else 50000)")
    Long bulkThreshold;

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
            var threshold = bulkThreshold != null ? bulkThreshold
                    : ScorelineConfig.resolve(System.getenv(), CliOverrides.none()).runLimits().bulkThreshold();
            if (threshold < 0) {
                throw ScorelineException.badInput("--bulk-threshold must be 0 or more");
            }
            var report = new BackfillBenchmark(clock).run(records, threshold, scratch, progress);
            output(report.toJson(), threshold);
            return 0;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private void output(java.util.Map<String, Object> figures, long threshold) {
        var json = new java.util.LinkedHashMap<String, Object>(figures);
        json.put("bulk_threshold", threshold);
        var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
        if (output.json()) {
            output.jsonLine(json);
        } else {
            json.forEach((name, value) -> output.line(String.format("%-28s %s", name, value)));
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
