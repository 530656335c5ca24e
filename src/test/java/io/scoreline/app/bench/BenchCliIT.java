package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench cli} with two warm runs: every child command succeeded (the benchmark fails naming
 * the run otherwise), the report has its figures in order. No timing is asserted: the figures
 * belong to the machine.
 */
class BenchCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoWarmRunsOfOrgListAfterTheColdOne() throws Exception {
        var run = CliRun.run(Map.of(), "bench", "cli", "--runs", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var report = JSON.readTree(run.outLines().getLast());
        assertThat(report.get("command").asText()).isEqualTo("org list");
        assertThat(report.get("runs").asInt()).isEqualTo(2);
        assertThat(report.get("succeeded").asInt()).isEqualTo(3);
        assertThat(report.get("cold_wall_ms").asDouble()).isPositive();
        double min = report.get("min_wall_ms").asDouble();
        double median = report.get("median_wall_ms").asDouble();
        double p95 = report.get("p95_wall_ms").asDouble();
        assertThat(min).isPositive().isLessThanOrEqualTo(median);
        assertThat(median).isLessThanOrEqualTo(p95);
        // A JVM that started Micronaut and PostgreSQL's client used CPU; /proc is there on Linux.
        assertThat(report.get("median_cpu_ms").asDouble()).isPositive();
        assertThat(report.get("min_cpu_ms").asDouble())
                .isLessThanOrEqualTo(report.get("p95_cpu_ms").asDouble());
        // The test JVM runs without a start-up cache, so the children do too.
        assertThat(report.get("aot_cache").asText()).isEqualTo("none");
        assertThat(report.get("aot_cache_used").asBoolean()).isFalse();
        assertThat(report.has("load_average_before")).isTrue();
        assertThat(report.has("load_average_after")).isTrue();
    }

    @Test
    void aCommandThatNeverReturnsIsRefused() {
        var run = CliRun.run(Map.of(), "bench", "cli", "--command", "serve");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--command must name a command that returns on its own");
    }
}
