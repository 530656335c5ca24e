package io.scoreline.pipeline.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key id, in this process's memory: {@code perSecond} requests a second on
 * average, {@code burst} at once. Each serving node meters on its own, so behind a balancer of n
 * nodes a key may reach n times the rate; the point is that one key cannot starve the others.
 */
public final class KeyRateLimiter {

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token; empty when granted, else how long until one is there (at least a second, as Retry-After counts). */
    public Optional<Duration> acquire(long keyId) {
        var now = clock.millis();
        var waitMillis = new long[1];
        buckets.compute(keyId, (id, bucket) -> {
            var current = bucket == null ? new Bucket(burst, now) : bucket.refill(now, perSecond, burst);
            if (current.tokens() >= 1) {
                waitMillis[0] = 0;
                return new Bucket(current.tokens() - 1, now);
            }
            waitMillis[0] = (long) Math.ceil((1 - current.tokens()) / perSecond * 1000);
            return current;
        });
        if (waitMillis[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, (waitMillis[0] + 999) / 1000)));
    }

    private record Bucket(double tokens, long atMillis) {
        Bucket refill(long now, double perSecond, double burst) {
            var elapsed = Math.max(0, now - atMillis);
            return new Bucket(Math.min(burst, tokens + elapsed * perSecond / 1000.0), now);
        }
    }
}
