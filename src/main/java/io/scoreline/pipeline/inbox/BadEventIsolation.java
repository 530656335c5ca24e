package io.scoreline.pipeline.inbox;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the events at fault when a group's write failed for bad input (ADR 0021): one malformed
 * or rejected record id fails the read of every id it was sent with. The group is split in halves,
 * by record id, and each half written again; a half that fails for bad input is split again, until
 * a record's events stand alone. Valid events are written on the way, at about two reads per
 * halving for one bad id.
 *
 * <p>The reads are bounded: when the bound is spent, what is not settled yet is retried later, as a
 * transient failure, after the written events are done. When no half could be written at all, the
 * input is bad for the whole group (a field the CRM refuses, say): everything is parked at once.
 */
final class BadEventIsolation {

    /** Events that failed together, and why. */
    record Failure(List<InboxEntry> entries, RuntimeException cause) {}

    /** How many events were written, and the failures left to record. */
    record Outcome(int written, List<Failure> failures) {}

    private final Consumer<List<InboxEntry>> write;
    private int readsLeft;
    private int written;
    private final List<Failure> alone = new ArrayList<>();
    private final List<Failure> unsettled = new ArrayList<>();

    private BadEventIsolation(Consumer<List<InboxEntry>> write, int reads) {
        this.write = write;
        this.readsLeft = reads;
    }

    /**
     * @param entries the group whose write failed
     * @param failure its failure, of kind {@link FailureKind#BAD_INPUT}
     * @param write   writes some of the entries and marks them done, or throws
     */
    static Outcome isolate(List<InboxEntry> entries, RuntimeException failure, Consumer<List<InboxEntry>> write) {
        var byRecord = new ArrayList<>(entries.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        InboxEntry::recordId, LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .values());
        var isolation = new BadEventIsolation(write, readsFor(byRecord.size()));
        isolation.split(byRecord, failure);
        var failures = new ArrayList<>(isolation.alone);
        if (isolation.written == 0) {
            // Nothing could be written: the input is bad for the group, not for one of its events.
            isolation.unsettled.forEach(f -> failures.add(new Failure(f.entries(), failure)));
        } else {
            isolation.unsettled.forEach(f -> failures.add(new Failure(
                    f.entries(),
                    new ScorelineException(
                            FailureKind.RETRYABLE,
                            "not yet told apart from a bad event in its batch: "
                                    + f.cause().getMessage(),
                            f.cause()))));
        }
        return new Outcome(isolation.written, failures);
    }

    /** Enough reads to isolate two bad records among {@code records}. */
    static int readsFor(int records) {
        int halvings = 32 - Integer.numberOfLeadingZeros(Math.max(1, records - 1));
        return 4 * halvings + 4;
    }

    private void split(List<List<InboxEntry>> records, RuntimeException failure) {
        if (records.size() == 1) {
            alone.add(new Failure(records.getFirst(), failure));
            return;
        }
        int middle = records.size() / 2;
        for (var half : List.of(records.subList(0, middle), records.subList(middle, records.size()))) {
            var entries = half.stream().flatMap(List::stream).toList();
            if (readsLeft <= 0) {
                unsettled.add(new Failure(entries, failure));
                continue;
            }
            readsLeft--;
            try {
                write.accept(entries);
                written += entries.size();
            } catch (RuntimeException e) {
                if (e instanceof ScorelineException s && s.kind() == FailureKind.BAD_INPUT) {
                    split(half, e);
                } else {
                    // Another kind of failure (the CRM is away, say) is handled as that kind.
                    alone.add(new Failure(entries, e));
                }
            }
        }
    }
}
