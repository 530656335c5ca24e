package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench evaluator} with a small outbox, plain and with {@code --goals}, each on its own
 * scratch database: the goals are judged on the bench's changes (goal notifications are written,
 * none without goals), and the stock badges award the same with and without goals, the goal badge
 * aside. No timing is asserted: the figures belong to the machine.
 */
class BenchEvaluatorIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void goalsAreJudgedOnTheBenchsChangesAndLeaveTheOtherAwardsAlone() throws Exception {
        var plain = report("--changes", "400");
        var goals = report("--changes", "400", "--goals");

        for (var report : List.of(plain, goals)) {
            int changes = report.get("changes").asInt();
            assertThat(changes).isEqualTo(400);
            assertThat(report.get("first_pass_processed").asInt()).isEqualTo(changes);
            assertThat(report.get("replay_processed").asInt()).isEqualTo(changes);
            assertThat(report.get("first_pass_changes_per_second").asDouble()).isPositive();
            assertThat(report.get("replay_changes_per_second").asDouble()).isPositive();
            assertThat(report.has("load_average_before")).isTrue();
            assertThat(report.has("load_average_after")).isTrue();
        }

        assertThat(plain.get("goals").asInt()).isZero();
        assertThat(plain.get("goal_notifications").asInt()).isZero();
        assertThat(plain.get("goal_badge_awards").asInt()).isZero();

        // Three KPIs, each with the reps' default and three people's own goals.
        assertThat(goals.get("goals").asInt()).isEqualTo(12);
        assertThat(goals.get("goal_notifications").asInt()).isPositive();
        assertThat(goals.get("goal_badge_awards").asInt()).isPositive();
        // Each goal badge award is a calls goal reached, which the goal alerts told the person too.
        assertThat(goals.get("goal_notifications").asInt())
                .isGreaterThanOrEqualTo(goals.get("goal_badge_awards").asInt());
        assertThat(goals.get("awards").asInt() - goals.get("goal_badge_awards").asInt())
                .isEqualTo(plain.get("awards").asInt());
        assertThat(goals.get("notifications").asInt())
                .isGreaterThanOrEqualTo(plain.get("notifications").asInt()
                        + goals.get("goal_notifications").asInt());
    }

    private static JsonNode report(String... options) throws Exception {
        var args = new ArrayList<>(List.of("bench", "evaluator", "--workers", "1", "--json"));
        args.addAll(List.of(options));
        var run = CliRun.run(Map.of(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.outLines().getLast());
    }
}
