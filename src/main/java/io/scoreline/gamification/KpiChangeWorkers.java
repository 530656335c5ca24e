package io.scoreline.gamification;

import io.scoreline.pipeline.database.OutageBackoff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluator's polling workers of one node: each drains the outbox until a pass finds nothing,
 * then waits the poll interval. Workers on one or many nodes share the outbox safely (see
 * {@link KpiChangeDrain}); each worker is a virtual thread, since it mostly waits on the database.
 */
public final class KpiChangeWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KpiChangeWorkers.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final java.time.Duration OUTAGE_CAP = java.time.Duration.ofSeconds(10);

    private final KpiChangeDrain drain;
    private final EvaluatorSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final OutageBackoff outage;

    public KpiChangeWorkers(KpiChangeDrain drain, EvaluatorSettings settings) {
        this.drain = drain;
        this.settings = settings;
        this.outage = new OutageBackoff("evaluator workers", settings.pollInterval(), OUTAGE_CAP, LOG);
    }

    /** Starts the configured number of workers (none when the setting is 0). */
    public synchronized void start() {
        if (!threads.isEmpty() || stop.getCount() == 0) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("scoreline-evaluator-" + i).start(this::work));
        }
    }

    public synchronized int running() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    /** Drains everything due now on the calling thread (the demo, tests, operators) and says what it did. */
    public DrainReport drainUntilEmpty() {
        return drain.drainUntilEmpty();
    }

    private void work() {
        while (stop.getCount() > 0) {
            DrainReport pass;
            try {
                pass = drain.drainOnce();
                outage.succeeded();
            } catch (RuntimeException e) {
                if (!await(outage.failed(e).toMillis())) {
                    return;
                }
                continue;
            }
            if (pass.processed() == 0 && !await(settings.pollInterval().toMillis())) {
                return;
            }
        }
    }

    /** Waits the poll interval; false once a stop was requested. */
    private boolean await(long millis) {
        try {
            return !stop.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the workers after their current batch (each batch is one transaction). */
    @Override
    public synchronized void close() {
        stop.countDown();
        for (var thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
