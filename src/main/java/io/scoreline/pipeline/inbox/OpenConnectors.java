package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.sync.ConnectorOpener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors kept open between inbox batches, one per integration: logging in for every burst of
 * webhooks would cost more API calls than the reads themselves. A connector is used by one worker
 * at a time, and closed when its integration is paused or removed, after an auth failure, and
 * on shutdown.
 */
public final class OpenConnectors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenConnectors.class);

    private final ConnectorOpener opener;
    private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        CrmConnector connector;
    }

    public OpenConnectors(ConnectorOpener opener) {
        this.opener = opener;
    }

    /** Runs {@code work} with the integration's connector, opening it on first use. */
    public <T> T with(Integration integration, Function<CrmConnector, T> work) {
        var slot = slots.computeIfAbsent(integration.id(), id -> new Slot());
        slot.lock.lock();
        try {
            if (slot.connector == null) {
                slot.connector = opener.open(integration);
            }
            return work.apply(slot.connector);
        } finally {
            slot.lock.unlock();
        }
    }

    public boolean isOpen(long integrationId) {
        var slot = slots.get(integrationId);
        return slot != null && slot.connector != null;
    }

    /** Closes the integration's connector, if open; the next use opens a new one. */
    public void close(long integrationId) {
        var slot = slots.get(integrationId);
        if (slot == null) {
            return;
        }
        slot.lock.lock();
        try {
            closeQuietly(integrationId, slot);
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public void close() {
        slots.keySet().forEach(this::close);
        slots.clear();
    }

    private static void closeQuietly(long integrationId, Slot slot) {
        if (slot.connector == null) {
            return;
        }
        try {
            slot.connector.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the connector of integration {} failed: {}", integrationId, e.getMessage());
        } finally {
            slot.connector = null;
        }
    }
}
