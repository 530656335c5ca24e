package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's session limits: defaults, overrides, and values that stop start-up. */
class ConsoleSettingsConfigTest {

    @Test
    void sessionsIdleForThirtyMinutesAndLastTwelveHoursUnlessSet() {
        var defaults = ScorelineConfig.resolve(Map.of(), CliOverrides.none()).console();
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofHours(12));

        var set = ScorelineConfig.resolve(
                        Map.of(ConsoleSettings.IDLE_TIMEOUT, "PT5M", ConsoleSettings.MAX_AGE, "PT1H"),
                        CliOverrides.none())
                .console();
        assertThat(set.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(set.maxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBadLimitStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() ->
                        ScorelineConfig.resolve(Map.of(ConsoleSettings.IDLE_TIMEOUT, "PT10S"), CliOverrides.none()))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("SCORELINE_CONSOLE_IDLE_TIMEOUT must be at least PT1M");
        assertThatThrownBy(() -> ScorelineConfig.resolve(
                        Map.of(ConsoleSettings.IDLE_TIMEOUT, "PT2H", ConsoleSettings.MAX_AGE, "PT1H"),
                        CliOverrides.none()))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("SCORELINE_CONSOLE_MAX_AGE must be from");
        assertThatThrownBy(() -> ScorelineConfig.resolve(Map.of(ConsoleSettings.MAX_AGE, "P8D"), CliOverrides.none()))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("to P7D");
    }
}
