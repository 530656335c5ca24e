package io.scoreline.connectors.hubspot;

import java.time.Duration;

/**
 * Tuning of the HubSpot connector. Defaults suit production; tests shorten the waits.
 *
 * @param retryAttempts          attempts per call for transient failures (5xx, timeouts, resets), first included
 * @param retryInitialBackoff    first wait after a transient failure; it doubles with jitter on each retry
 * @param rateLimitRetries       how many 429 answers one call waits out before the run stops as partial
 * @param requestTimeout         longest wait for one answer
 * @param burstPerTenSeconds     calls per ten seconds per portal until HubSpot's headers say otherwise
 * @param searchesPerSecond      search calls per second per portal (search answers carry no rate headers)
 * @param refreshBeforeExpiry    an OAuth access token is refreshed this long before it expires
 * @param breakerOpenFor         how long the per-integration circuit breaker stays open after repeated failures
 */
public record HubSpotOptions(
        int retryAttempts,
        Duration retryInitialBackoff,
        int rateLimitRetries,
        Duration requestTimeout,
        int burstPerTenSeconds,
        int searchesPerSecond,
        Duration refreshBeforeExpiry,
        Duration breakerOpenFor) {

    /** Options whose circuit breaker stays open for a minute, as Salesforce's does by default. */
    public HubSpotOptions(
            int retryAttempts,
            Duration retryInitialBackoff,
            int rateLimitRetries,
            Duration requestTimeout,
            int burstPerTenSeconds,
            int searchesPerSecond,
            Duration refreshBeforeExpiry) {
        this(
                retryAttempts,
                retryInitialBackoff,
                rateLimitRetries,
                requestTimeout,
                burstPerTenSeconds,
                searchesPerSecond,
                refreshBeforeExpiry,
                Duration.ofMinutes(1));
    }

    public HubSpotOptions {
        if (retryAttempts < 1 || rateLimitRetries < 0 || burstPerTenSeconds < 1 || searchesPerSecond < 1) {
            throw new IllegalArgumentException("HubSpot options must be positive: " + retryAttempts + ", "
                    + rateLimitRetries + ", " + burstPerTenSeconds + ", " + searchesPerSecond);
        }
    }

    /** 100 calls per 10 s is the smallest published burst limit (free and starter portals); 4 searches/s per token. */
    public static HubSpotOptions defaults() {
        return new HubSpotOptions(4, Duration.ofMillis(500), 10, Duration.ofSeconds(60), 100, 4, Duration.ofMinutes(5));
    }
}
