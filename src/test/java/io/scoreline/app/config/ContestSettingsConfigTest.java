package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contest settings: defaults, overrides, and a bad value that names its setting. */
class ContestSettingsConfigTest {

    @Test
    void defaultsTickEveryMinuteAndCoalesceRankNoticesOverAQuarterHour() {
        var contests = ScorelineConfig.resolve(Map.of(), CliOverrides.none()).contests();
        assertThat(contests.tick()).isEqualTo(Duration.ofMinutes(1));
        assertThat(contests.rankNotifyCoalesce()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void settingsOverrideTheDefaults() {
        var contests = ScorelineConfig.resolve(
                        Map.of("SCORELINE_CONTEST_TICK", "PT10S", "SCORELINE_RANK_NOTIFY_COALESCE", "pt1h"),
                        CliOverrides.none())
                .contests();
        assertThat(contests.tick()).isEqualTo(Duration.ofSeconds(10));
        assertThat(contests.rankNotifyCoalesce()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertThatThrownBy(() -> ScorelineConfig.resolve(
                        Map.of("SCORELINE_RANK_NOTIFY_COALESCE", "15 minutes"), CliOverrides.none()))
                .hasMessageContaining("SCORELINE_RANK_NOTIFY_COALESCE");
        assertThatThrownBy(() -> ScorelineConfig.resolve(Map.of("SCORELINE_CONTEST_TICK", "PT0S"), CliOverrides.none()))
                .hasMessageContaining("SCORELINE_CONTEST_TICK");
    }
}
