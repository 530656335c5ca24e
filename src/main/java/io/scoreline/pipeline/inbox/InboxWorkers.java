package io.scoreline.pipeline.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox workers of one node: virtual threads that ask which organizations have due rows,
 * claim a batch of one of them and process it, and sleep for the poll interval when there is
 * nothing to do (a controller's {@link #nudge} wakes one earlier). Several nodes may run workers
 * on one database: claims skip rows another worker holds.
 */
public final class InboxWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    private final InboxStore inbox;
    private final InboxProcessor processor;
    private final InboxSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();

    public InboxWorkers(InboxStore inbox, InboxProcessor processor, InboxSettings settings, Clock clock) {
        this.inbox = inbox;
        this.processor = processor;
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("inbox-worker-" + i).start(this::loop));
        }
        LOG.info("{} inbox worker(s) started", settings.workers());
    }

    /** New events were inserted: an idle worker looks once their coalescing window has passed. */
    public void nudge() {
        if (wakeUps.availablePermits() < settings.workers()) {
            wakeUps.release();
        }
    }

    /**
     * Processes every waiting row (without waiting out their coalescing window, and with the
     * scheduled verification reads brought forward) in the calling thread until none is left;
     * returns how many rows it claimed. What {@code scoreline inbox
     * --replay} and tests use without running workers. Rows that fail wait for their backoff.
     */
    public int drain() {
        int total = 0;
        do {
            for (int claimed = runOnce(settings.coalesceWindow()); claimed > 0; claimed = runOnce(settings.coalesceWindow())) {
                total += claimed;
            }
            // The reads scheduled after changes applied from events are part of "everything waiting".
        } while (inbox.verifyNow(clock.instant()) > 0);
        return total;
    }

    /** One pass over the organizations with rows due {@code ahead} from now; returns how many rows it claimed. */
    int runOnce(java.time.Duration ahead) {
        var dueBy = clock.instant().plus(ahead);
        var organizations = new ArrayList<>(inbox.dueOrganizations(dueBy));
        // Workers start at different organizations, so that one busy tenant does not starve the rest.
        Collections.shuffle(organizations);
        int claimed = 0;
        for (var organizationId : organizations) {
            claimed += processor.claimAndProcess(organizationId, dueBy);
        }
        return claimed;
    }

    private void loop() {
        while (running.get()) {
            try {
                if (runOnce(java.time.Duration.ZERO) == 0) {
                    if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // Let the events that woke us gather for their coalescing window.
                        Thread.sleep(settings.coalesceWindow());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly away; rows stay due and are picked up again.
                LOG.warn("inbox worker pass failed: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().multipliedBy(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking new batches and waits for the ones in flight. */
    public synchronized void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeUps.release(settings.workers());
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public void close() {
        stop();
    }
}
