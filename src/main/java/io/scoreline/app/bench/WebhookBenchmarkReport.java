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
        WebhookBenchmark.Load load,
        Phase saturated,
        Optional<Phase> atRate,
        Optional<Rewards> rewards,
        String note,
        double loadAverage) {

    /**
     * What the open loop's events caused, from when each was offered (see {@link RewardLatencies}).
     *
     * @param offered     events the open loop offered
     * @param badgeRungs  the daily {@code call_connects} badges installed for the loop to cross
     * @param polls       reads of the {@link RewardObserver}, one every {@link RewardObserver#INTERVAL_MILLIS} ms
     * @param peakHeapBytes the server JVM's peak heap during the loop and its evaluation
     */
    public record Rewards(
            long offered,
            RewardLatencies.Attributed attributed,
            int badgeRungs,
            long polls,
            double loadAverageBefore,
            double loadAverageAfter,
            long peakHeapBytes) {

        Map<String, Object> toJson() {
            var json = new LinkedHashMap<String, Object>();
            json.put("events_offered", offered);
            json.put("events_attributed_kpi", attributed.toKpi().millis().length);
            json.put("events_attributed_leaderboard", attributed.toLeaderboard().millis().length);
            json.put("events_unattributed_leaderboard", attributed.unattributedLeaderboard());
            json.put("events_outside_contest", attributed.outsideContest());
            json.put("badge_notifications_attributed", attributed.toBadge().millis().length);
            json.put("offered_to_kpi", attributed.toKpi().toJson());
            json.put("offered_to_leaderboard", attributed.toLeaderboard().toJson());
            json.put("offered_to_badge_notification", attributed.toBadge().toJson());
            json.put("badge_rungs", badgeRungs);
            json.put("observer_interval_ms", RewardObserver.INTERVAL_MILLIS);
            json.put("observer_polls", polls);
            json.put("load_average_before", round(loadAverageBefore));
            json.put("load_average_after", round(loadAverageAfter));
            json.put("peak_heap_mb", peakHeapBytes / (1024 * 1024));
            return json;
        }
    }

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
            double ackMax,
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
            json.put("ack_ms_max", round(ackMax));
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
        json.put("inbox_batch_size", load.inboxBatchSize());
        json.put("accepted_events_per_second", round(saturated.acceptedPerSecond()));
        var closed = saturated.toJson();
        closed.put("concurrency", load.concurrency());
        json.put("closed_loop", closed);
        atRate.ifPresent(phase -> {
            var open = phase.toJson();
            open.put("offered_events_per_second", load.offeredRate());
            open.put("duration_seconds", load.durationSeconds());
            rewards.ifPresent(r -> open.put("rewards", r.toJson()));
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
