package io.scoreline.pipeline.runs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run one integration now, held as a session-level advisory lock on a connection
 * kept for the run. Use it in try-with-resources: closing releases it whether the run succeeded
 * or failed.
 */
public final class IntegrationRunLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationRunLock.class);

    private final long integrationId;
    private final int key;
    private final Connection connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    IntegrationRunLock(long integrationId, int key, Connection connection) {
        this.integrationId = integrationId;
        this.key = key;
        this.connection = connection;
    }

    public long integrationId() {
        return integrationId;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, IntegrationRunLocks.NAMESPACE);
            statement.setInt(2, key);
            try (var result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    LOG.warn("Run lock of integration {} was no longer held when released", integrationId);
                }
            }
            connection.close();
        } catch (SQLException e) {
            // The session may still hold the lock; a pool would hand it on still locked. Ending
            // the session is what releases a session lock for certain.
            LOG.warn(
                    "Cannot release the run lock of integration {} cleanly ({}); dropping its connection",
                    integrationId,
                    e.getMessage());
            discard(connection);
        }
    }

    /** Ends the connection's session, so the server drops whatever locks it held. */
    static void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Aborting a run-lock connection failed", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing an aborted run-lock connection failed", e);
        }
    }
}
