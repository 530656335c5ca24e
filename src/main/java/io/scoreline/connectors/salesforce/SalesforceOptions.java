package io.scoreline.connectors.salesforce;

import java.time.Duration;

/**
 * Tuning of the Salesforce connector. Defaults suit production; tests shorten the waits.
 *
 * @param retryAttempts       attempts per call for transient failures (5xx, timeouts), first included
 * @param retryInitialBackoff first wait; it doubles with jitter on each retry
 * @param breakerOpenFor      how long the per-integration circuit breaker stays open after repeated failures
 * @param bulkPollInterval    first wait between polls of a Bulk API job; it doubles up to 30 s
 */
public record SalesforceOptions(
        int retryAttempts, Duration retryInitialBackoff, Duration breakerOpenFor, Duration bulkPollInterval) {

    /** Options whose bulk polls start at the retry backoff (tests that shorten one shorten both). */
    public SalesforceOptions(int retryAttempts, Duration retryInitialBackoff, Duration breakerOpenFor) {
        this(retryAttempts, retryInitialBackoff, breakerOpenFor, retryInitialBackoff);
    }

    public static SalesforceOptions defaults() {
        return new SalesforceOptions(4, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofSeconds(2));
    }
}
