package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench webhooks} with a tiny rate and duration: the HubSpot simulator, a real server with
 * its inbox workers and evaluator, a live contest and the badge ladder. Every event the open loop
 * offered is attributed to its KPI write, the leaderboard stage accounts for every event, badges
 * fire from the loop's events, and each stage's percentiles are ordered. No timing is asserted:
 * the figures belong to the machine.
 */
class BenchWebhooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortOpenLoopAttributesEveryEventToItsKpiLeaderboardAndBadgeStages() throws Exception {
        var run = CliRun.run(
                Map.of(),
                "bench",
                "webhooks",
                "--events",
                "200",
                "--warmup",
                "0",
                "--concurrency",
                "2",
                "--rate",
                "400",
                "--duration",
                "3",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var report = JSON.readTree(run.outLines().getLast());
        assertThat(report.get("note").asText()).as(run.err()).isEqualTo("ok");
        var open = report.get("open_loop");
        assertThat(open.get("duration_seconds").asInt()).isEqualTo(3);
        assertThat(open.get("events_failed").asLong()).isZero();
        assertThat(open.get("events_left_pending").asLong()).isZero();
        assertThat(open.get("ack_ms_p50").asDouble())
                .isLessThanOrEqualTo(open.get("ack_ms_p99").asDouble());
        assertThat(open.get("ack_ms_p99").asDouble())
                .isLessThanOrEqualTo(open.get("ack_ms_max").asDouble());

        var rewards = open.get("rewards");
        // 400 events/s for 3 s.
        assertThat(rewards.get("events_offered").asLong()).isEqualTo(1200);
        assertThat(open.get("events_processed").asLong()).isEqualTo(1200);
        assertThat(rewards.get("events_attributed_kpi").asLong()).isEqualTo(1200);
        long inContest = 1200 - rewards.get("events_outside_contest").asLong();
        assertThat(rewards.get("events_attributed_leaderboard").asLong()
                        + rewards.get("events_unattributed_leaderboard").asLong())
                .isEqualTo(inContest);
        // An event goes unattributed only when its change cancelled out and nothing later moved the row.
        assertThat(rewards.get("events_attributed_leaderboard").asLong())
                .as(run.err())
                .isGreaterThanOrEqualTo(inContest * 9 / 10)
                .isPositive();
        assertThat(rewards.get("badge_notifications_attributed").asLong()).isPositive();
        assertThat(rewards.get("badge_rungs").asInt()).isEqualTo(40);
        assertThat(rewards.get("observer_polls").asLong()).isPositive();
        assertThat(rewards.get("peak_heap_mb").asLong()).isPositive();
        assertThat(rewards.has("load_average_before")).isTrue();
        assertThat(rewards.has("load_average_after")).isTrue();

        for (var stage : new String[] {"offered_to_kpi", "offered_to_leaderboard", "offered_to_badge_notification"}) {
            JsonNode figures = rewards.get(stage);
            assertThat(figures.get("samples").asLong()).as(stage).isPositive();
            double p50 = figures.get("p50_ms").asDouble();
            double p95 = figures.get("p95_ms").asDouble();
            double p99 = figures.get("p99_ms").asDouble();
            double max = figures.get("max_ms").asDouble();
            assertThat(p50).as(stage).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).as(stage).isLessThanOrEqualTo(p99);
            assertThat(p99).as(stage).isLessThanOrEqualTo(max);
        }
    }
}
