package io.scoreline.pipeline.scheduling;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;

/**
 * How often every integration syncs: hourly in production, compressed for the demo and tests.
 * Each integration fires at its own offset inside the period, derived from its schedule minute,
 * so that integrations do not all fire at once.
 *
 * @param period a whole number of seconds dividing a minute, or of minutes dividing an hour
 */
public record SyncCadence(Duration period) {

    public static final SyncCadence HOURLY = new SyncCadence(Duration.ofHours(1));

    private static final int SECONDS_PER_MINUTE = 60;
    private static final int MINUTES_PER_HOUR = 60;

    public SyncCadence {
        if (!fitsOneMinute(period) && !fitsOneHour(period)) {
            throw ScorelineException.badInput(
                    "sync period " + period
                            + " must be whole seconds dividing a minute or whole minutes dividing an hour (e.g. PT10S, PT5M, PT1H)");
        }
    }

    public static SyncCadence every(Duration period) {
        return new SyncCadence(period);
    }

    /**
     * The Quartz cron expression for an integration with this schedule minute. A cron (rather
     * than a fixed interval from "now") keeps the fire times the same on every node and across
     * restarts.
     */
    public String cronExpression(int scheduleMinute) {
        if (scheduleMinute < 0 || scheduleMinute >= MINUTES_PER_HOUR) {
            throw ScorelineException.badInput("schedule minute " + scheduleMinute + " is not between 0 and 59");
        }
        if (fitsOneMinute(period)) {
            int seconds = (int) period.toSeconds();
            return (scheduleMinute % seconds) + "/" + seconds + " * * * * ?";
        }
        int minutes = (int) period.toMinutes();
        if (minutes == MINUTES_PER_HOUR) {
            return "0 " + scheduleMinute + " * * * ?";
        }
        return "0 " + (scheduleMinute % minutes) + "/" + minutes + " * * * ?";
    }

    private static boolean fitsOneMinute(Duration period) {
        return period.toNanosPart() == 0
                && period.toSeconds() > 0
                && period.toSeconds() < SECONDS_PER_MINUTE
                && SECONDS_PER_MINUTE % period.toSeconds() == 0;
    }

    private static boolean fitsOneHour(Duration period) {
        return period.toSecondsPart() == 0
                && period.toNanosPart() == 0
                && period.toMinutes() > 0
                && period.toMinutes() <= MINUTES_PER_HOUR
                && MINUTES_PER_HOUR % period.toMinutes() == 0;
    }
}
