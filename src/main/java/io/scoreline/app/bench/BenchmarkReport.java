package io.scoreline.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every figure {@code bench backfill} reports. */
public record BenchmarkReport(
        String status,
        long taskRecordsInCrm,
        long recordsRead,
        long factsWritten,
        double seconds,
        double recordsPerSecond,
        long apiCalls,
        double apiCallsPer10kRecords,
        long peakHeapBytes,
        long maxHeapBytes,
        double databaseActiveSeconds,
        CpuTime cpu,
        double copyRowsPerSecond,
        double ratioToCopy) {

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("status", status);
        json.put("task_records_in_crm", taskRecordsInCrm);
        json.put("records_read", recordsRead);
        json.put("facts_written", factsWritten);
        json.put("seconds", round(seconds));
        json.put("records_per_second", round(recordsPerSecond));
        json.put("api_calls", apiCalls);
        json.put("api_calls_per_10k_records", round(apiCallsPer10kRecords));
        json.put("records_per_query_call", apiCalls == 0 ? 0 : round((double) recordsRead / apiCalls));
        json.put("peak_heap_mb", round(peakHeapBytes / 1048576.0));
        json.put("max_heap_mb", round(maxHeapBytes / 1048576.0));
        json.put("db_active_seconds", round(databaseActiveSeconds));
        json.put(
                "db_ms_per_1000_records",
                recordsRead == 0 ? 0 : round(databaseActiveSeconds * 1_000_000.0 / recordsRead));
        json.put("cpu_ms_per_1000_records_pipeline", perThousand(cpu.pipelineMs()));
        json.put("cpu_ms_per_1000_records_database", perThousand(cpu.databaseMs()));
        json.put("cpu_ms_per_1000_records_simulator", perThousand(cpu.simulatorMs()));
        json.put("copy_rows_per_second", round(copyRowsPerSecond));
        json.put("ratio_to_copy", Math.round(ratioToCopy * 10000) / 10000.0);
        return json;
    }

    /** -1 where the CPU time could not be read. */
    private double perThousand(double ms) {
        return ms < 0 || recordsRead == 0 ? -1 : round(ms * 1000.0 / recordsRead);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
