package io.scoreline.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure {@code bench webhooks} reports; latencies in milliseconds. The closed-loop phase
 * gives the most events per second the server accepts (its latencies are those of a saturated
 * server: with N requests always in flight they are N / throughput); the open-loop phase gives
 * the latencies at a fixed offered rate, which is what a CRM sending webhooks sees.
 */
public record WebhookBenchmarkReport(
        WebhookBenchmark.Load load, Phase saturated, Optional<Phase> atRate, String note, double loadAverage) {

    /**
     * One round of posting and processing.
     *
     * @param verificationReads reads of changed records the round scheduled (ADR 0016), not events
     */
    public record Phase(
            long batches,
            long refusedBatches,
            double postSeconds,
            double acceptedPerSecond,
            double ackP50,
            double ackP99,
            long processed,
            long failed,
            long pending,
            long verificationReads,
            double eventToKpiP50,
            double eventToKpiP95) {

        Map<String, Object> toJson() {
            var json = new LinkedHashMap<String, Object>();
            json.put("batches", batches);
            json.put("refused_batches", refusedBatches);
            json.put("post_seconds", round(postSeconds));
            json.put("accepted_events_per_second", round(acceptedPerSecond));
            json.put("ack_ms_p50", round(ackP50));
            json.put("ack_ms_p99", round(ackP99));
            json.put("events_processed", processed);
            json.put("events_failed", failed);
            json.put("events_left_pending", pending);
            json.put("verification_reads", verificationReads);
            json.put("event_to_kpi_ms_p50", round(eventToKpiP50));
            json.put("event_to_kpi_ms_p95", round(eventToKpiP95));
            return json;
        }
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("events_per_phase", load.events());
        json.put("warmup_events", load.warmup());
        json.put("hubspot_burst_limit_per_10s", load.hubSpotBurstLimit());
        json.put("inbox_workers", load.inboxWorkers());
        json.put("inbox_writers", load.inboxWriters());
        json.put("accepted_events_per_second", round(saturated.acceptedPerSecond()));
        var closed = saturated.toJson();
        closed.put("concurrency", load.concurrency());
        json.put("closed_loop", closed);
        atRate.ifPresent(phase -> {
            var open = phase.toJson();
            open.put("offered_events_per_second", load.offeredRate());
            json.put("open_loop", open);
        });
        json.put("load_average_1m", round(loadAverage));
        json.put("note", note);
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
