package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The goal notification settings: default, override, the shared coalescing window, bad values. */
class GoalAlertSettingsConfigTest {

    @Test
    void behindPaceMeansAQuarterBelowPaceUnlessSetAndSharesTheRankCoalescingWindow() {
        var defaults = ScorelineConfig.resolve(Map.of(), CliOverrides.none()).goalAlerts();
        assertThat(defaults.behindPaceShare()).isEqualTo(0.25);
        assertThat(defaults.coalesce()).isEqualTo(Duration.ofMinutes(15));

        var set = ScorelineConfig.resolve(
                        Map.of("SCORELINE_GOAL_BEHIND_PACE_SHARE", "0.1", "SCORELINE_RANK_NOTIFY_COALESCE", "PT1H"),
                        CliOverrides.none())
                .goalAlerts();
        assertThat(set.behindPaceShare()).isEqualTo(0.1);
        assertThat(set.coalesce()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBadShareStopsStartUpNamingTheSetting() {
        for (var bad : new String[] {"0", "1.5", "25%", "-0.2"}) {
            assertThatThrownBy(() -> ScorelineConfig.resolve(
                            Map.of("SCORELINE_GOAL_BEHIND_PACE_SHARE", bad), CliOverrides.none()))
                    .as(bad)
                    .isInstanceOf(ScorelineException.class)
                    .hasMessageContaining(
                            "SCORELINE_GOAL_BEHIND_PACE_SHARE must be a fraction more than 0 and at most 1");
        }
    }
}
