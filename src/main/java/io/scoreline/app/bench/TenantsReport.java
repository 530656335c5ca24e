package io.scoreline.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every figure {@code bench tenants} reports. */
public record TenantsReport(
        int integrations,
        int nodes,
        int schedulerThreadsPerNode,
        int poolSizePerNode,
        double setupSeconds,
        double passSeconds,
        boolean passComplete,
        PassFigures.Pass pass,
        int peakConnections,
        long peakHeapBytes,
        long maxHeapBytes,
        CpuTime cpu,
        double loadAverageBefore,
        double loadAverageAfter) {

    /** Integrations that ran more than once in the pass, read against the exactly-once target. */
    public long rerunsInPass() {
        return pass.runsInPass() - pass.integrationsRun();
    }

    public long duplicateFires() {
        return pass.duplicateFires();
    }

    public long integrationsRun() {
        return pass.integrationsRun();
    }

    public Map<String, Long> firstRunsByNode() {
        return pass.byNode();
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("integrations", integrations);
        json.put("nodes", nodes);
        json.put("scheduler_threads_per_node", schedulerThreadsPerNode);
        json.put("pool_size_per_node", poolSizePerNode);
        json.put("setup_seconds", round(setupSeconds));
        json.put("pass_complete", passComplete);
        json.put("pass_seconds", round(passSeconds));
        json.put("integrations_run", pass.integrationsRun());
        json.put("runs_succeeded", pass.succeeded());
        json.put("runs_partial", pass.partial());
        json.put("runs_failed", pass.failed());
        json.put("runs_in_pass", pass.runsInPass());
        json.put("most_runs_of_one_integration", pass.mostRunsInPass());
        json.put("duplicate_fires", pass.duplicateFires());
        json.put("runs_without_fire_time", pass.runsWithoutFire());
        json.put("first_runs_by_node", pass.byNode());
        json.put("run_seconds_p50", round(pass.runSecondsP50()));
        json.put("run_seconds_p95", round(pass.runSecondsP95()));
        json.put("api_calls_per_integration", round(pass.apiCallsPerIntegration()));
        json.put("records_read", pass.recordsRead());
        json.put("lag_samples", pass.lagSamples());
        json.put("lag_seconds_p50", round(pass.lagSecondsP50()));
        json.put("lag_seconds_p95", round(pass.lagSecondsP95()));
        json.put("peak_db_connections", peakConnections);
        json.put("peak_heap_mb", round(peakHeapBytes / 1_048_576.0));
        json.put("max_heap_mb", round(maxHeapBytes / 1_048_576.0));
        json.put("cpu_seconds_scoreline", round(cpu.pipelineMs() / 1000.0));
        json.put("cpu_seconds_database", round(cpu.databaseMs() / 1000.0));
        json.put("cpu_seconds_simulator", round(cpu.simulatorMs() / 1000.0));
        json.put("load_average_before", round(loadAverageBefore));
        json.put("load_average_after", round(loadAverageAfter));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
