package io.scoreline.pipeline.inbox;

import io.scoreline.pipeline.database.OutageBackoff;
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
    private static final java.time.Duration OUTAGE_CAP = java.time.Duration.ofSeconds(10);

    private final InboxStore inbox;
    private final InboxProcessor processor;
    private final InboxSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final OutageBackoff outage;

    public InboxWorkers(InboxStore inbox, InboxProcessor processor, InboxSettings settings, Clock clock) {
        this.inbox = inbox;
        this.processor = processor;
        this.settings = settings;
        this.clock = clock;
        this.outage = new OutageBackoff("inbox workers", settings.pollInterval().multipliedBy(10), OUTAGE_CAP, LOG);
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
            for (int claimed = runOnce(settings.coalesceWindow());
                    claimed > 0;
                    claimed = runOnce(settings.coalesceWindow())) {
                total += claimed;
            }
            // The reads scheduled after changes applied from events are part of "everything waiting".
        } while (inbox.verifyNow(clock.instant()) > 0);
        return total;
    }

    /**
     * {@link #drain()} for one organization: what a replay through the API uses, since a request
     * confined to its organization may not open another's transactions (ADR 0038).
     */
    public int drain(long organizationId) {
        int total = 0;
        do {
            for (int claimed = processor.claimAndProcess(
                            organizationId, clock.instant().plus(settings.coalesceWindow()));
                    claimed > 0;
                    claimed = processor.claimAndProcess(
                            organizationId, clock.instant().plus(settings.coalesceWindow()))) {
                total += claimed;
            }
        } while (inbox.verifyNow(organizationId, clock.instant()) > 0);
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
                int claimed;
                try {
                    claimed = runOnce(java.time.Duration.ZERO);
                    outage.succeeded();
                } catch (RuntimeException e) {
                    // The database may be away for a while; rows stay due and are picked up again.
                    // A nudge means a webhook was just stored, so the database is back: it cuts the wait short.
                    wakeUps.tryAcquire(outage.failed(e).toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                if (claimed == 0) {
                    if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // Let the events that woke us gather for their coalescing window.
                        Thread.sleep(settings.coalesceWindow());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
