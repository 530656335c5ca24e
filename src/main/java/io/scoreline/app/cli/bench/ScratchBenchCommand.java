package io.scoreline.app.cli.bench;

import io.scoreline.app.Scoreline;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code bench} subcommand shares: a scratch home (embedded database and all) made for
 * the run and deleted after it, the report printed as aligned lines or one JSON object, and, for a
 * benchmark whose target names a heap size, a child JVM with that heap when this one may use more.
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

    /** The heap the benchmark's targets assume, if they name one. */
    protected OptionalInt heapCapMb() {
        return OptionalInt.empty();
    }

    @Override
    public Integer call() {
        validate();
        var cap = heapCapMb();
        if (cap.isPresent() && Runtime.getRuntime().maxMemory() > cap.getAsInt() * 1024L * 1024L) {
            return underHeapCap(cap.getAsInt());
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("scoreline-bench");
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot create a scratch directory: " + e.getMessage(), e);
        }
        try {
            var report = measure(scratch, spec.commandLine().getErr());
            var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json());
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

    /** The same command in a child JVM with the capped heap and this JVM's other options; its output is ours. */
    private int underHeapCap(int megabytes) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-Xmx") && !option.startsWith("-XX:MaxHeapSize"))
                .forEach(command::add);
        command.addAll(List.of(
                "-Xmx" + megabytes + "m", "-cp", System.getProperty("java.class.path"), Scoreline.class.getName()));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        try {
            // Copied rather than inherited: the caller's writers may not be this process's
            // standard streams (a test runs commands in its own JVM and reads what they print).
            var child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            var out = copy(child.getInputStream(), spec.commandLine().getOut());
            var err = copy(child.getErrorStream(), spec.commandLine().getErr());
            int exit = child.waitFor();
            out.join();
            err.join();
            return exit;
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot start the benchmark's JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while the benchmark ran", e);
        }
    }

    private static Thread copy(java.io.InputStream from, PrintWriter to) {
        return Thread.ofVirtual().start(() -> {
            try (var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(from, java.nio.charset.StandardCharsets.UTF_8))) {
                for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                    to.println(line);
                    to.flush();
                }
            } catch (IOException e) {
                // the child ended; its exit code tells the outcome
            }
        });
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory under the temp folder; the OS cleans it eventually
        }
    }
}
