package io.scoreline.app.bench;

import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one CLI command again and again as a child JVM against a scratch embedded home, the way a
 * user's shell does: the first run is cold (it creates the home and its database) and is reported
 * apart; the others are the warm start-up the issue-22 target is about. The child gets this JVM's
 * own options, so a start-up cache the launcher gave us is the one the child uses.
 */
public final class CliBenchmark {

    private static final long CHILD_TIMEOUT_MINUTES = 10;
    private static final String AOT_CACHE_OPTION = "-XX:AOTCache=";
    private static final String MAIN = io.scoreline.app.Scoreline.class.getName();

    private final ChildCpu cpu;

    public CliBenchmark() {
        this(ChildCpu.fromProc());
    }

    CliBenchmark(ChildCpu cpu) {
        this.cpu = cpu;
    }

    /** The figures in report order; every child must exit 0 or the benchmark fails naming it. */
    public Map<String, Object> run(List<String> command, int runs, Path scratch) {
        var home = scratch.resolve("home");
        var launch = childLaunch(command);
        double loadBefore = loadAverage();
        var cold = runChild(launch, home, scratch, 0);
        var warm = new ArrayList<ChildRun>();
        for (int i = 1; i <= runs; i++) {
            warm.add(runChild(launch, home, scratch, i));
        }
        double loadAfter = loadAverage();
        var wall = new Percentiles(warm.stream().mapToDouble(ChildRun::wallMs).toArray());
        var cpuMs = new Percentiles(warm.stream().mapToDouble(ChildRun::cpuMs).toArray());
        var aotCache = aotCache(launch);

        var report = new LinkedHashMap<String, Object>();
        report.put("command", String.join(" ", command));
        report.put("runs", runs);
        report.put("succeeded", warm.size() + 1);
        report.put("cold_wall_ms", round(cold.wallMs()));
        report.put("cold_cpu_ms", round(cold.cpuMs()));
        report.put("median_wall_ms", round(wall.at(50)));
        report.put("p95_wall_ms", round(wall.at(95)));
        report.put("min_wall_ms", round(wall.at(0)));
        report.put("median_cpu_ms", round(cpuMs.at(50)));
        report.put("p95_cpu_ms", round(cpuMs.at(95)));
        report.put("min_cpu_ms", round(cpuMs.at(0)));
        report.put("aot_cache", aotCache.orElse("none"));
        report.put("aot_cache_used", aotCache.isPresent() && aotCacheUsable(launch, scratch));
        // The machine is shared: a figure means little without the load it was taken at.
        report.put("load_average_before", round(loadBefore));
        report.put("load_average_after", round(loadAfter));
        return report;
    }

    /** What starts the child: this JVM, its options and its class path. */
    private static List<String> childLaunch(List<String> command) {
        var launch = new ArrayList<String>();
        launch.add(ProcessHandle.current().info().command().orElse("java"));
        launch.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // -cp rather than -jar: the same class path (a jar's manifest Class-Path included) and so the
        // same start-up cache, whether we run from the launcher's jar or from a test's class path.
        launch.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        launch.addAll(command);
        return launch;
    }

    private ChildRun runChild(List<String> launch, Path home, Path scratch, int index) {
        var out = scratch.resolve("run-" + index + ".out");
        var builder = new ProcessBuilder(launch).redirectOutput(out.toFile()).redirectError(out.toFile());
        var environment = builder.environment();
        // The scratch home's embedded database, whatever database this shell points at.
        environment.keySet().removeIf(name -> name.startsWith("SCORELINE_"));
        environment.put(ScorelineConfig.HOME, home.toString());
        environment.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
        try {
            double cpuBefore = cpu.childrenMs();
            long started = System.nanoTime();
            var process = builder.start();
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw failure(index, "did not finish within " + CHILD_TIMEOUT_MINUTES + " minutes", out);
            }
            double wallMs = (System.nanoTime() - started) / 1e6;
            double cpuAfter = cpu.childrenMs();
            double cpuMs = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            if (process.exitValue() != 0) {
                throw failure(index, "exited with " + process.exitValue(), out);
            }
            return new ChildRun(wallMs, cpuMs);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot start the command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while the command ran", e);
        }
    }

    private static Optional<String> aotCache(List<String> launch) {
        return launch.stream()
                .filter(option -> option.startsWith(AOT_CACHE_OPTION))
                .map(option -> option.substring(AOT_CACHE_OPTION.length()))
                .findFirst();
    }

    /**
     * Whether the JVM maps the cache for this class path: {@code -XX:AOTMode=on} turns the silent
     * fallback into a failure, so a version probe that exits 0 proves the cache was used.
     */
    private static boolean aotCacheUsable(List<String> launch, Path scratch) {
        var probe = new ArrayList<>(launch.subList(0, launch.size() - commandLength(launch)));
        probe.add(1, "-XX:AOTMode=on");
        probe.add("--version");
        try {
            var process = new ProcessBuilder(probe)
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("aot-probe.out").toFile())
                    .start();
            return process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many trailing words of the launch are the command itself (after the main class). */
    private static int commandLength(List<String> launch) {
        return launch.size() - launch.lastIndexOf(MAIN) - 1;
    }

    private static ScorelineException failure(int index, String what, Path out) {
        String last;
        try {
            var lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            last = lines.isEmpty() ? "no output" : lines.getLast();
        } catch (IOException e) {
            last = "output unreadable";
        }
        return new ScorelineException(
                FailureKind.RETRYABLE, (index == 0 ? "the cold run" : "run " + index) + " " + what + ": " + last);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record ChildRun(double wallMs, double cpuMs) {}
}
