package io.scoreline.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code bench api} measured: per endpoint latencies and counts, and the machine around them. */
public record ApiBenchmarkReport(
        ApiBenchmark.Load load,
        List<ApiLoad.Outcome> outcomes,
        List<String> absent,
        int endpoints,
        long kpiValueRows,
        double seedSeconds,
        double loadAverageBefore,
        double loadAverageAfter,
        long peakHeapBytes) {

    public ApiBenchmarkReport {
        outcomes = List.copyOf(outcomes);
        absent = List.copyOf(absent);
    }

    /** Flat names in report order, milliseconds to one decimal. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("facts", load.facts());
        json.put("kpi_value_rows", kpiValueRows);
        json.put("people", load.people());
        json.put("notifications", load.notifications());
        json.put("seed_seconds", round(seedSeconds));
        json.put("offered_rate", load.rate());
        json.put("duration_seconds", load.duration().toSeconds());
        json.put("warmup_seconds", load.warmup().toSeconds());
        json.put("endpoints", outcomes.stream().map(ApiLoad.Outcome::name).toList());
        json.put("absent_endpoints", absent);
        long answered = 0;
        double seconds = 0;
        for (var outcome : outcomes) {
            var latencies = new Percentiles(outcome.latenciesMillis());
            var prefix = outcome.name() + "_";
            json.put(prefix + "sent", outcome.sent());
            json.put(prefix + "answered", outcome.answered());
            json.put(prefix + "errors", outcome.errors());
            json.put(prefix + "rate", round(outcome.answered() / outcome.seconds()));
            json.put(prefix + "p50_ms", round(latencies.at(50)));
            json.put(prefix + "p95_ms", round(latencies.at(95)));
            json.put(prefix + "p99_ms", round(latencies.at(99)));
            json.put(prefix + "max_ms", round(latencies.at(100)));
            answered += outcome.answered();
            seconds = Math.max(seconds, outcome.seconds());
        }
        json.put("achieved_rate", seconds == 0 ? 0 : round(answered / seconds));
        json.put("load_average_before", round(loadAverageBefore));
        json.put("load_average_after", round(loadAverageAfter));
        json.put("peak_heap_mb", peakHeapBytes / (1024 * 1024));
        json.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
