package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

class SyncCadenceTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T08:40:00Z");

    @Test
    void hourlySyncsFireAtTheIntegrationsMinute() throws ParseException {
        assertThat(fires(SyncCadence.HOURLY, 37, 3))
                .containsExactly(
                        Instant.parse("2026-11-22T09:37:00Z"),
                        Instant.parse("2026-11-22T10:37:00Z"),
                        Instant.parse("2026-11-22T11:37:00Z"));
    }

    @Test
    void compressedCadencesKeepIntegrationsApart() throws ParseException {
        var fiveMinutes = SyncCadence.every(Duration.ofMinutes(5));
        assertThat(fires(fiveMinutes, 37, 2))
                .containsExactly(Instant.parse("2026-11-22T08:42:00Z"), Instant.parse("2026-11-22T08:47:00Z"));
        assertThat(fires(fiveMinutes, 14, 1)).containsExactly(Instant.parse("2026-11-22T08:44:00Z"));

        var tenSeconds = SyncCadence.every(Duration.ofSeconds(10));
        assertThat(fires(tenSeconds, 23, 2))
                .containsExactly(Instant.parse("2026-11-22T08:40:03Z"), Instant.parse("2026-11-22T08:40:13Z"));
    }

    @Test
    void periodsThatDoNotTileAnHourAreRefused() {
        for (var period : List.of(
                Duration.ofMinutes(7),
                Duration.ofSeconds(45),
                Duration.ofSeconds(90),
                Duration.ofHours(2),
                Duration.ZERO,
                Duration.ofMillis(1500))) {
            assertThatThrownBy(() -> SyncCadence.every(period))
                    .as("%s", period)
                    .isInstanceOfSatisfying(
                            ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT));
        }
    }

    private static List<Instant> fires(SyncCadence cadence, int minute, int count) throws ParseException {
        var cron = new CronExpression(cadence.cronExpression(minute));
        cron.setTimeZone(TimeZone.getTimeZone("UTC"));
        var fires = new ArrayList<Instant>();
        var after = Date.from(MORNING);
        for (int i = 0; i < count; i++) {
            after = cron.getNextValidTimeAfter(after);
            fires.add(after.toInstant());
        }
        return fires;
    }
}
