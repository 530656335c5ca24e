package io.scoreline.connectors.hubspot;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * The Resilience4j retries of one HubSpot connection; they replace the hand-written loops (ADR
 * 0026). A 429 and a transient failure are counted apart, as HubSpot means different things by
 * them: "slow down" is waited out up to {@code rateLimitRetries} times, "unwell" is retried
 * {@code retryAttempts} times in all with exponential backoff and jitter.
 *
 * @param transientFailures 5xx, 408 and unanswered requests
 * @param rateLimits        429s of the burst or search limit (a spent daily limit is not retried)
 */
record HubSpotRetries(Retry transientFailures, Retry rateLimits) {

    static HubSpotRetries of(String name, HubSpotOptions options, HubSpotRateLimiter limiter) {
        var transientFailures = Retry.of(
                name + "-transient",
                RetryConfig.custom()
                        .maxAttempts(options.retryAttempts())
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(options.retryInitialBackoff(), 2.0, 0.5))
                        .retryOnException(e -> e instanceof HubSpotFailures.Transient)
                        .build());
        var rateLimits = Retry.of(
                name + "-rate-limits",
                RetryConfig.custom()
                        .maxAttempts(options.rateLimitRetries() + 1)
                        // The wait is the portal limiter's: it holds every caller of the portal, and the next attempt's
                        // acquire() waits.
                        .intervalBiFunction((attempt, outcome) -> 0L)
                        .retryOnException(e -> e instanceof HubSpotFailures.Throttled)
                        .build());
        rateLimits.getEventPublisher().onRetry(event -> {
            if (event.getLastThrowable() instanceof HubSpotFailures.Throttled throttled) {
                limiter.pause(throttled.retryAfter().orElse(Duration.ofSeconds(event.getNumberOfRetryAttempts())));
            }
        });
        return new HubSpotRetries(transientFailures, rateLimits);
    }

    /** The token refresh's own retry: the token endpoint unanswered or 5xx. */
    static Retry refreshes(String name, HubSpotOptions options) {
        return Retry.of(
                name + "-refresh",
                RetryConfig.custom()
                        .maxAttempts(options.retryAttempts())
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(options.retryInitialBackoff(), 2.0, 0.5))
                        .retryOnException(e -> e instanceof HubSpotOAuthSession.RefreshUnanswered)
                        .build());
    }
}
