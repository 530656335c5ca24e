package io.scoreline.pipeline.inbox;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many of a node's inbox workers may work the database at once (claim rows, write pages).
 * On few cores, several page transactions at once only contend with each other and with the
 * requests being acknowledged (ADR 0016). A worker gives its slot up while it waits for a CRM,
 * so a tenant whose rate limit is spent does not hold up the others.
 */
final class DatabaseSlots {

    private final Semaphore slots;

    DatabaseSlots(int count) {
        this.slots = new Semaphore(count, true);
    }

    /** Runs {@code work} in a slot, waiting for one first. */
    <T> T holding(Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** Runs {@code wait} (a call to a CRM) with the caller's slot given up; only inside {@link #holding}. */
    <T> T awayWhile(Supplier<T> wait) {
        slots.release();
        try {
            return wait.get();
        } finally {
            slots.acquireUninterruptibly();
        }
    }
}
