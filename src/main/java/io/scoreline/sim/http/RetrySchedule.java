package io.scoreline.sim.http;

import java.time.Duration;

/**
 * How often and how patiently an emitter retries: {@code maxAttempts} in total, waiting
 * {@code firstDelay} doubled per attempt up to {@code maxDelay}.
 */
public record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** HubSpot retries a webhook up to 10 times; delays compressed for simulation. */
    public static final RetrySchedule HUBSPOT = new RetrySchedule(10, Duration.ofSeconds(1), Duration.ofMinutes(1));

    /** Salesforce redelivers an outbound message for up to 24 hours; compressed the same way. */
    public static final RetrySchedule SALESFORCE_OUTBOUND =
            new RetrySchedule(10, Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public Duration delayBefore(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
