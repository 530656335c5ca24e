package io.scoreline.pipeline.database;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * How a group of polling workers waits out a failing database (ADR 0023): the wait doubles from
 * {@code first} up to {@code cap}, the first failure of a streak is one WARN line, the rest are
 * DEBUG, and the first pass that works again says so once. Without it every worker logged every
 * failed pass for as long as the database was away.
 */
public final class OutageBackoff {

    private static final Duration MIN_FIRST = Duration.ofMillis(100);

    private final String workers;
    private final Duration first;
    private final Duration cap;
    private final Logger log;
    private int failures;

    public OutageBackoff(String workers, Duration first, Duration cap, Logger log) {
        this.workers = workers;
        // A worker that polls without pause (tests) still must not spin on a failing database.
        this.first = first.compareTo(MIN_FIRST) < 0 ? MIN_FIRST : first;
        this.cap = cap.compareTo(this.first) < 0 ? this.first : cap;
        this.log = log;
    }

    /** A pass failed: @return how long to wait before the next one */
    public synchronized Duration failed(RuntimeException failure) {
        failures++;
        if (failures == 1) {
            log.warn("{} failed, trying again with backoff up to {}: {}", workers, cap, failure.getMessage());
        } else {
            log.debug("{} failed again ({} in a row): {}", workers, failures, failure.getMessage());
        }
        var wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** A pass worked. */
    public synchronized void succeeded() {
        if (failures > 0) {
            log.info("{} working again after {} failed pass(es)", workers, failures);
            failures = 0;
        }
    }
}
