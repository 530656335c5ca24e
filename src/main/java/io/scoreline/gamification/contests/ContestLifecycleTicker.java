package io.scoreline.gamification.contests;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ContestLifecycle#tick()} every {@code SCORELINE_CONTEST_TICK} on a node of
 * {@code scoreline serve}. Every node runs a ticker; a PostgreSQL advisory lock, taken without
 * waiting, lets one of them tick at a time and the others skip that round. The lock only saves work:
 * each step is a compare-and-set, so even two ticks at once move a contest once.
 */
public final class ContestLifecycleTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContestLifecycleTicker.class);
    /** Two-key advisory lock: "CNTS" and 1; run locks use another namespace, Flyway the one-key form. */
    private static final int NAMESPACE = 0x434e5453;

    private static final int TICK_KEY = 1;

    private final ContestLifecycle lifecycle;
    private final DataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ContestLifecycleTicker(ContestLifecycle lifecycle, DataSource dataSource, Duration interval) {
        this.lifecycle = lifecycle;
        this.dataSource = dataSource;
        this.interval = interval;
    }

    @SuppressWarnings(
            "FutureReturnValueIgnored") // the periodic task logs its own failures (tickLogged); close() stops the
    // executor
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("contest-ticker").factory());
        executor.scheduleWithFixedDelay(this::tickLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickLogged() {
        try {
            tickOnce();
        } catch (ScorelineException e) {
            // The next round tries again; a failed step rolled back whole. The database away for a
            // while is expected in a long-running process: one line, no stack trace.
            if (e.kind() == FailureKind.RETRYABLE) {
                LOG.warn("Contest tick failed, next try in {}: {}", interval, e.getMessage());
            } else {
                LOG.warn("Contest tick failed: {}", e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            LOG.warn("Contest tick failed: {}", e.getMessage(), e);
        }
    }

    /**
     * One round: ticks if no other node is ticking. @return the steps made, or -1 when another
     * ticker held the lock
     */
    public int tickOnce() {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!advisory(connection, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                return lifecycle.tick();
            } finally {
                advisory(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot take the contest tick lock: " + e.getMessage(), e);
        }
    }

    private static boolean advisory(java.sql.Connection connection, String function) throws SQLException {
        try (var statement = connection.prepareStatement("select " + function + "(?, ?)")) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, TICK_KEY);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
