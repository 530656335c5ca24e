package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench tenants} with 20 organizations and two scheduler nodes: both CRMs, the schedule
 * compressed, one pass. The report's figures come from the runs table; they must agree with each
 * other, every integration must have run once in the pass, each fire once across the two nodes,
 * and both nodes must have taken part. No timing is asserted: the figures belong to the machine.
 */
class BenchTenantsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INTEGRATIONS = 20;

    @Test
    void twoNodesRunEveryIntegrationOnceInAPassAndNoFireTwice() throws Exception {
        var run = CliRun.run(
                Map.of(),
                "bench",
                "tenants",
                "--integrations",
                Integer.toString(INTEGRATIONS),
                "--nodes",
                "2",
                "--reps",
                "2",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var report = JSON.readTree(run.outLines().getLast());

        assertThat(report.get("integrations").asInt()).isEqualTo(INTEGRATIONS);
        assertThat(report.get("nodes").asInt()).isEqualTo(2);
        assertThat(report.get("pass_complete").asBoolean()).as(run.err()).isTrue();
        assertThat(report.get("integrations_run").asInt()).isEqualTo(INTEGRATIONS);
        assertThat(report.get("runs_succeeded").asInt()
                        + report.get("runs_partial").asInt()
                        + report.get("runs_failed").asInt())
                .isEqualTo(INTEGRATIONS);
        assertThat(report.get("runs_succeeded").asInt()).as(run.err()).isEqualTo(INTEGRATIONS);
        // Exactly once: as many runs started in the pass as integrations, none twice, no fire twice.
        assertThat(report.get("runs_in_pass").asInt()).isEqualTo(INTEGRATIONS);
        assertThat(report.get("most_runs_of_one_integration").asInt()).isEqualTo(1);
        assertThat(report.get("duplicate_fires").asInt()).isZero();
        assertThat(report.get("runs_without_fire_time").asInt()).isZero();

        var byNode = new ArrayList<Integer>();
        report.get("first_runs_by_node").forEach(count -> byNode.add(count.asInt()));
        assertThat(byNode).as("first runs per node").hasSize(2).allMatch(count -> count > 0);
        assertThat(byNode.stream().mapToInt(Integer::intValue).sum()).isEqualTo(INTEGRATIONS);

        assertThat(report.get("api_calls_per_integration").asDouble()).isPositive();
        assertThat(report.get("records_read").asLong()).isPositive();
        assertThat(report.get("run_seconds_p50").asDouble())
                .isLessThanOrEqualTo(report.get("run_seconds_p95").asDouble());
        assertThat(report.get("lag_seconds_p50").asDouble())
                .isLessThanOrEqualTo(report.get("lag_seconds_p95").asDouble());
        assertThat(report.get("pass_seconds").asDouble()).isPositive();
        // Two nodes' pools were open during the pass.
        assertThat(report.get("peak_db_connections").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(run.err()).contains("pass started on 2 node(s)");
    }
}
