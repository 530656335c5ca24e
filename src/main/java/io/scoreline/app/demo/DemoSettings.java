package io.scoreline.app.demo;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;

/**
 * What a demo run does: how much history the simulators generate and how long it stays live.
 *
 * @param seed        the Salesforce-side simulator's seed; the HubSpot side uses the next one, so the
 *                    two CRMs hold different reps and records (one organization, no double counting)
 * @param repsPerCrm  reps in each CRM
 * @param days        days of history, all of which are backfilled
 * @param liveFor     how long to stay live after the summary; zero exits after it
 * @param liveRate    simulated CRM changes per minute in each CRM while live
 * @param syncEvery   the compressed stand-in for the hourly schedule
 */
public record DemoSettings(long seed, int repsPerCrm, int days, Duration liveFor, double liveRate, Duration syncEvery) {

    public DemoSettings {
        if (repsPerCrm < 2 || repsPerCrm > 40) {
            throw ScorelineException.badInput("--reps must be from 2 to 40, got " + repsPerCrm);
        }
        if (days < 7 || days > 365) {
            throw ScorelineException.badInput("--days must be from 7 to 365, got " + days);
        }
        if (liveFor.isNegative()) {
            throw ScorelineException.badInput("--live-minutes must not be negative");
        }
        if (syncEvery.compareTo(Duration.ofSeconds(10)) < 0) {
            throw ScorelineException.badInput("--sync-every must be at least 10 seconds, got " + syncEvery);
        }
    }
}
