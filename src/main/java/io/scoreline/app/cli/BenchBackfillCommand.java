package io.scoreline.app.cli;

import io.scoreline.app.bench.BackfillBenchmark;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.io.IOException;
import io.scoreline.app.Scoreline;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
 * database, end to end, with the heap capped at {@value #HEAP_CAP_MB} MB as the targets require:
 * a JVM allowed more runs the benchmark in a child JVM that is not.
 */
@Command(name = "backfill", description = "Backfill N simulated Task records end to end on a scratch embedded database.")
final class BenchBackfillCommand implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "100000", description = "About how many Task records (default: ${DEFAULT-VALUE})")
    long records;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    static final int HEAP_CAP_MB = 256;

    @Override
    public Integer call() {
        if (records < 1000) {
            throw ScorelineException.badInput("--records must be at least 1000");
        }
        if (Runtime.getRuntime().maxMemory() > HEAP_CAP_MB * 1024L * 1024L) {
            return underHeapCap();
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

    /** The same command in a child JVM with the capped heap and this JVM's other options; its output is ours. */
    private int underHeapCap() {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-Xmx") && !option.startsWith("-XX:MaxHeapSize"))
                .forEach(command::add);
        command.addAll(List.of("-Xmx" + HEAP_CAP_MB + "m", "-cp", System.getProperty("java.class.path"), Scoreline.class.getName()));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot start the benchmark's JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while the benchmark ran", e);
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
