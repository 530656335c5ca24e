package io.scoreline.sim.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most {@code max} requests in any window of the given length, measured on the injected clock. */
final class SlidingWindowLimiter {

    private final Clock clock;
    private final Duration window;
    private final int max;
    private final Deque<Instant> accepted = new ArrayDeque<>();

    SlidingWindowLimiter(Clock clock, Duration window, int max) {
        this.clock = clock;
        this.window = window;
        this.max = max;
    }

    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        evict(now);
        if (accepted.size() >= max) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    synchronized int remaining() {
        evict(clock.instant());
        return max - accepted.size();
    }

    int max() {
        return max;
    }

    Duration window() {
        return window;
    }

    /** Time until the oldest request leaves the window, at least one second (the Retry-After unit). */
    synchronized long retryAfterSeconds() {
        Instant now = clock.instant();
        evict(now);
        if (accepted.isEmpty()) {
            return 1;
        }
        long millis = Duration.between(now, accepted.peekFirst().plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void evict(Instant now) {
        Instant cutoff = now.minus(window);
        while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(cutoff)) {
            accepted.removeFirst();
        }
    }
}
