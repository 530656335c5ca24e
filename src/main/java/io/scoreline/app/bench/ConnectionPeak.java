package io.scoreline.app.bench;

import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most client sessions the database held at once while it ran, sampled from
 * {@code pg_stat_activity} every {@value #POLL_MS} ms on a session of its own (not counted). A
 * sample misses a session that lived less than a poll; pools keep theirs open, so the peak is the
 * pools' peak.
 */
final class ConnectionPeak implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPeak.class);
    private static final long POLL_MS = 200;
    private static final String SESSIONS = """
            select count(*) from pg_stat_activity
             where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()""";

    private final AtomicInteger peak = new AtomicInteger();
    private final Thread poller;
    private volatile boolean stopped;

    private ConnectionPeak(DatabaseEndpoint owner) {
        this.poller = Thread.ofVirtual().name("bench-connection-peak").unstarted(() -> poll(owner));
    }

    static ConnectionPeak start(DatabaseEndpoint owner) {
        var peak = new ConnectionPeak(owner);
        peak.poller.start();
        return peak;
    }

    int peak() {
        return peak.get();
    }

    private void poll(DatabaseEndpoint owner) {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.prepareStatement(SESSIONS)) {
            while (!stopped) {
                try (var result = statement.executeQuery()) {
                    result.next();
                    peak.accumulateAndGet(result.getInt(1), Math::max);
                }
                LockSupport.parkNanos(Duration.ofMillis(POLL_MS).toNanos());
            }
        } catch (SQLException e) {
            // Reported as the peak seen so far: the figure is a measurement, not the benchmark's outcome.
            LOG.warn("Stopped sampling database sessions: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
