package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open query locators. A cursor expires after a period without use (15 minutes in Salesforce), and only
 * the most recently used ones are kept, so abandoned queries do not hold memory.
 */
final class QueryCursors {

    private record Open(QueryCursor cursor, Instant lastUsed) {}

    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxOpen;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    QueryCursors(Clock clock, Duration idleTimeout, int maxOpen) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxOpen = maxOpen;
    }

    QueryCursor open(SalesforceObject type, List<FieldPath> fields, long[] idNumbers, int batchSize) {
        String id = SalesforceIds.of("01g", sequence.incrementAndGet()).substring(0, 15);
        QueryCursor cursor = new QueryCursor(id, type, fields, idNumbers, batchSize);
        open.put(id, new Open(cursor, clock.instant()));
        evictBeyondLimit();
        return cursor;
    }

    /** The cursor if it is still open; using it restarts its idle timer. */
    Optional<QueryCursor> touch(String id) {
        Open found = open.get(id);
        if (found == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (found.lastUsed().plus(idleTimeout).isBefore(now)) {
            open.remove(id);
            return Optional.empty();
        }
        open.put(id, new Open(found.cursor(), now));
        return Optional.of(found.cursor());
    }

    private void evictBeyondLimit() {
        while (open.size() > maxOpen) {
            open.values().stream()
                    .min(Comparator.comparing(Open::lastUsed))
                    .ifPresent(oldest -> open.remove(oldest.cursor().id()));
        }
    }
}
