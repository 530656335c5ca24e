package io.scoreline.sim.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ticks live mode once a second on a virtual thread, for the CLI and the demo; tests tick by hand. */
public final class LiveDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDriver.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sim-live").factory());

    @SuppressWarnings("FutureReturnValueIgnored") // the periodic task runs until close() shuts the scheduler down
    public LiveDriver(LiveChanges changes) {
        scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        changes.tick();
                    } catch (RuntimeException e) {
                        LOG.warn("live change failed", e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
