package io.scoreline.connectors.hubspot;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Paces one portal's calls on this process: a rolling window for ordinary calls whose size and
 * length follow {@code X-HubSpot-RateLimit-Max} and {@code -Interval-Milliseconds}, a separate
 * per-second window for searches (their answers carry no rate headers), and a pause that a 429's
 * {@code Retry-After} or an exhausted {@code -Remaining} sets for every caller. Durations are
 * measured on a monotonic ticker: pacing is about elapsed time, not the time of day.
 * <p>
 * Not Resilience4j's {@code RateLimiter} (retries and the breaker are Resilience4j's): it hands
 * out {@code limitForPeriod} permits per fixed {@code limitRefreshPeriod}, refilled all at once at
 * each period's start. "190 calls per rolling 10 s" means no 10 s span, wherever it starts, holds
 * more than 190 calls; fixed periods allow 190 at the end of one period and 190 more at the start
 * of the next, 380 within a few milliseconds, which HubSpot answers with 429. Nor can it follow
 * the window's size and length from each answer's headers, or hold every caller for a
 * {@code Retry-After}.
 */
final class HubSpotRateLimiter {

    private final LongSupplier nanos;
    private final Window burst;
    private final Window search;
    private long pausedUntil;

    HubSpotRateLimiter(LongSupplier nanos, int burstPerTenSeconds, int searchesPerSecond) {
        this.nanos = nanos;
        this.burst = new Window(burstPerTenSeconds, Duration.ofSeconds(10).toNanos());
        this.search = new Window(searchesPerSecond, Duration.ofSeconds(1).toNanos());
    }

    /** Blocks until a call of this kind may go out, and counts it. */
    void acquire(boolean isSearch) {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanos.getAsLong();
                var window = isSearch ? search : burst;
                wait = Math.max(pausedUntil - now, window.waitNanos(now));
                if (wait <= 0) {
                    window.add(now);
                    return;
                }
            }
            sleep(wait);
        }
    }

    /** Follows the burst headers of a non-search answer. */
    synchronized void observe(HttpHeaders headers) {
        headers.firstValueAsLong("X-HubSpot-RateLimit-Max").ifPresent(max -> burst.max = (int) Math.max(1, max));
        headers.firstValueAsLong("X-HubSpot-RateLimit-Interval-Milliseconds")
                .ifPresent(ms ->
                        burst.lengthNanos = Duration.ofMillis(Math.max(1, ms)).toNanos());
        var remaining = headers.firstValueAsLong("X-HubSpot-RateLimit-Remaining");
        if (remaining.isPresent() && remaining.getAsLong() <= 0) {
            // Other clients of the portal spent the window: wait until our oldest call leaves it, or a second.
            long now = nanos.getAsLong();
            long wait = burst.calls.isEmpty()
                    ? Duration.ofSeconds(1).toNanos()
                    : burst.calls.peekFirst() + burst.lengthNanos - now;
            pausedUntil = Math.max(pausedUntil, now + Math.max(wait, 0));
        }
    }

    /** Holds every call of the portal for this long (a 429's Retry-After). */
    synchronized void pause(Duration duration) {
        pausedUntil = Math.max(pausedUntil, nanos.getAsLong() + duration.toNanos());
    }

    static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "interrupted while waiting for HubSpot's rate limit", e);
        }
    }

    /** Calls sent within the last {@code lengthNanos}, at most {@code max}. */
    private static final class Window {
        private final ArrayDeque<Long> calls = new ArrayDeque<>();
        private int max;
        private long lengthNanos;

        Window(int max, long lengthNanos) {
            this.max = max;
            this.lengthNanos = lengthNanos;
        }

        long waitNanos(long now) {
            while (!calls.isEmpty() && calls.peekFirst() + lengthNanos <= now) {
                calls.removeFirst();
            }
            return calls.size() < max ? 0 : calls.peekFirst() + lengthNanos - now;
        }

        void add(long now) {
            calls.addLast(now);
        }
    }
}
