package io.scoreline.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every figure {@code bench webhooks} reports; latencies in milliseconds. */
public record WebhookBenchmarkReport(long events, long batches, int concurrency, double postSeconds, double acceptedPerSecond,
        double ackP50, double ackP99, long processed, long failed, long pending, double eventToKpiP50, double eventToKpiP95,
        String note, double loadAverage) {

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("events", events);
        json.put("batches", batches);
        json.put("concurrency", concurrency);
        json.put("post_seconds", round(postSeconds));
        json.put("accepted_events_per_second", round(acceptedPerSecond));
        json.put("ack_ms_p50", round(ackP50));
        json.put("ack_ms_p99", round(ackP99));
        json.put("events_processed", processed);
        json.put("events_failed", failed);
        json.put("events_left_pending", pending);
        json.put("event_to_kpi_ms_p50", round(eventToKpiP50));
        json.put("event_to_kpi_ms_p95", round(eventToKpiP95));
        json.put("load_average_1m", round(loadAverage));
        json.put("note", note);
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
