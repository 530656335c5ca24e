package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench api} with tiny numbers on its own scratch database: the report names every endpoint
 * (measured or absent from this build), counts add up and percentiles are ordered. No timing is
 * asserted: the figures belong to the machine.
 */
class BenchApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortRunReportsEachEndpointsLatenciesAndCounts() throws Exception {
        var run = CliRun.run(
                Map.of(),
                "bench",
                "api",
                "--facts",
                "3000",
                "--people",
                "5",
                "--notifications",
                "60",
                "--rate",
                "30",
                "--duration",
                "2",
                "--warmup",
                "1",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var report = JSON.readTree(run.outLines().getLast());
        assertThat(report.get("facts").asLong()).isEqualTo(3000);
        assertThat(report.get("kpi_value_rows").asLong()).isBetween(1L, 3000L);
        assertThat(report.get("people").asInt()).isEqualTo(5);
        assertThat(report.get("offered_rate").asInt()).isEqualTo(30);

        var measured = names(report.get("endpoints"));
        var absent = names(report.get("absent_endpoints"));
        assertThat(measured).contains("kpi_values");
        var all = new ArrayList<>(measured);
        all.addAll(absent);
        assertThat(all).containsExactlyInAnyOrder("leaderboard", "kpi_values", "notifications");

        long sent = 0;
        for (var name : measured) {
            long endpointSent = report.get(name + "_sent").asLong();
            assertThat(endpointSent).as(name).isPositive();
            assertThat(report.get(name + "_answered").asLong()
                            + report.get(name + "_errors").asLong())
                    .as(name)
                    .isEqualTo(endpointSent);
            assertThat(report.get(name + "_errors").asLong()).as(name).isZero();
            double p50 = report.get(name + "_p50_ms").asDouble();
            double p95 = report.get(name + "_p95_ms").asDouble();
            double p99 = report.get(name + "_p99_ms").asDouble();
            double max = report.get(name + "_max_ms").asDouble();
            assertThat(p50).as(name).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(max);
            sent += endpointSent;
        }
        // 30 requests/s for 2 s, spread round-robin.
        assertThat(sent).isEqualTo(60);
        assertThat(report.get("achieved_rate").asDouble()).isPositive();
        assertThat(report.has("load_average_before")).isTrue();
        assertThat(report.has("load_average_after")).isTrue();
        assertThat(report.get("peak_heap_mb").asLong()).isPositive();
    }

    private static ArrayList<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
