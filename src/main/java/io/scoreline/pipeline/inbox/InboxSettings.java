package io.scoreline.pipeline.inbox;

import java.time.Duration;

/**
 * How the inbox workers behave.
 *
 * @param workers        worker threads per node
 * @param writers        of those, how many may run a page transaction at once
 * @param maxAttempts    attempts before an event is parked as failed
 * @param batchSize      most rows one claim takes: a claim takes what is due up to this, so the
 *                       limit only matters once a backlog has built up, and then a larger claim
 *                       folds more events about one record into one write (ADR 0053)
 * @param coalesceWindow how long a new event waits so that events arriving close together are
 *                       written in one page (a burst of edits to one deal becomes one read)
 * @param pollInterval   how long an idle worker sleeps before it looks again
 * @param lease          how long a claim lasts; a row whose worker died is claimable again after it
 * @param backoffBase    delay after the first failed attempt, doubled after each further one
 * @param backoffCap     longest delay between attempts
 * @param applyValues    whether a HubSpot property change is applied to the stored record with the
 *                       value the event carries, instead of reading the record back (ADR 0016); off
 *                       for portals whose webhook subscriptions do not cover every property the
 *                       rules read
 * @param verifyAfter    how long after a change was applied from its event the record is read
 *                       back once, for what events do not carry (properties HubSpot computes, such
 *                       as {@code hs_is_closed_won}); changes to one record within this time share
 *                       one read
 */
public record InboxSettings(
        int workers,
        int writers,
        int maxAttempts,
        int batchSize,
        Duration coalesceWindow,
        Duration pollInterval,
        Duration lease,
        Duration backoffBase,
        Duration backoffCap,
        boolean applyValues,
        Duration verifyAfter) {

    /** Rows one claim takes at most; was 500 before ADR 0053. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    public static InboxSettings defaults() {
        return new InboxSettings(
                4,
                defaultWriters(),
                8,
                DEFAULT_BATCH_SIZE,
                Duration.ofMillis(200),
                Duration.ofMillis(100),
                Duration.ofMinutes(5),
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                true,
                Duration.ofSeconds(30));
    }

    /** Half the cores, at least one: on two cores one writer gave the shortest acknowledgements (ADR 0016). */
    public static int defaultWriters() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public InboxSettings withWriters(int value) {
        return new InboxSettings(
                workers,
                value,
                maxAttempts,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withWorkers(int value) {
        return new InboxSettings(
                value,
                writers,
                maxAttempts,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withBatchSize(int value) {
        return new InboxSettings(
                workers,
                writers,
                maxAttempts,
                value,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withMaxAttempts(int value) {
        return new InboxSettings(
                workers,
                writers,
                value,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withBackoff(Duration base, Duration cap) {
        return new InboxSettings(
                workers,
                writers,
                maxAttempts,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                base,
                cap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withCoalesceWindow(Duration value) {
        return new InboxSettings(
                workers,
                writers,
                maxAttempts,
                batchSize,
                value,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                verifyAfter);
    }

    public InboxSettings withApplyValues(boolean value) {
        return new InboxSettings(
                workers,
                writers,
                maxAttempts,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                value,
                verifyAfter);
    }

    public InboxSettings withVerifyAfter(Duration value) {
        return new InboxSettings(
                workers,
                writers,
                maxAttempts,
                batchSize,
                coalesceWindow,
                pollInterval,
                lease,
                backoffBase,
                backoffCap,
                applyValues,
                value);
    }

    /** Delay before the next attempt once {@code attempts} have failed. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(30, Math.max(0, attempts - 1));
        var delay = backoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(backoffCap) > 0 ? backoffCap : delay;
    }
}
