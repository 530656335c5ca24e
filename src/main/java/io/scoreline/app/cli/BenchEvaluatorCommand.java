package io.scoreline.app.cli;

import io.scoreline.app.bench.EvaluatorBenchmark;
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

/** {@code scoreline bench evaluator --changes N}: outbox changes evaluated per second, first pass and replay. */
@Command(name = "evaluator", description = "Drain N KPI changes through the stock badges on a scratch embedded database; changes/s.")
final class BenchEvaluatorCommand implements Callable<Integer> {

    @Option(names = "--changes", defaultValue = "20000", description = "About how many outbox rows (default: ${DEFAULT-VALUE})")
    int changes;

    @Option(names = "--workers", defaultValue = "2", description = "Drain threads (default: ${DEFAULT-VALUE})")
    int workers;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (changes < 200 || changes > 10_000_000) {
            throw ScorelineException.badInput("--changes must be from 200 to 10000000");
        }
        if (workers < 1 || workers > 32) {
            throw ScorelineException.badInput("--workers must be from 1 to 32");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scoreline-bench-evaluator");
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot create a scratch directory: " + e.getMessage(), e);
        }
        try {
            var report = new EvaluatorBenchmark(Clock.systemUTC()).run(changes, workers, scratch);
            var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
            if (output.json()) {
                output.jsonLine(report);
            } else {
                report.forEach((name, value) -> output.line(String.format("%-32s %s", name, value)));
            }
            return 0;
        } finally {
            try (var paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a scratch directory under the temp folder; the OS cleans it eventually
            }
        }
    }
}
