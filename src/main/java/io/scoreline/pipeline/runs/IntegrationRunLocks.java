package io.scoreline.pipeline.runs;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands out the one-run-at-a-time lock of each integration. Quartz keeps scheduled fires apart,
 * but a manual {@code scoreline sync} runs in another process outside Quartz; a PostgreSQL
 * advisory lock is visible to every process on the database and dies with the session that
 * holds it, so a crashed holder cannot leave it taken.
 */
public final class IntegrationRunLocks {

    /**
     * The first key of the two-key advisory lock form: a namespace for run locks. Two-key locks
     * never collide with single-key ones (Flyway takes those).
     */
    static final int NAMESPACE = 0x53594e43;

    private final DataSource dataSource;

    public IntegrationRunLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the integration's lock if nobody holds it; never waits. */
    public RunLockAttempt tryAcquire(long integrationId) {
        int key = lockKey(integrationId);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            // A session lock needs no transaction; an open one would sit idle for the whole run.
            connection.setAutoCommit(true);
            boolean acquired;
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, key);
                try (var result = statement.executeQuery()) {
                    result.next();
                    acquired = result.getBoolean(1);
                }
            }
            if (acquired) {
                return new RunLockAttempt.Acquired(new IntegrationRunLock(integrationId, key, connection));
            }
            connection.close();
            return new RunLockAttempt.AlreadyRunning(integrationId);
        } catch (SQLException e) {
            IntegrationRunLock.discard(connection);
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "cannot take the run lock of integration " + integrationId + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Whether some session, in any process, holds the integration's lock now. Read from
     * {@code pg_locks} without taking the lock, so asking never makes a start fail.
     */
    public boolean held(long integrationId) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select exists (select 1 from pg_locks"
                        + " where locktype = 'advisory' and granted and objsubid = 2"
                        + " and classid::bigint = ? and objid::bigint = ?)")) {
            statement.setLong(1, NAMESPACE);
            statement.setLong(2, lockKey(integrationId));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "cannot read the run lock of integration " + integrationId + ": " + e.getMessage(),
                    e);
        }
    }

    private static int lockKey(long integrationId) {
        try {
            return Math.toIntExact(integrationId);
        } catch (ArithmeticException e) {
            throw new ScorelineException(
                    FailureKind.BUG, "integration id " + integrationId + " does not fit a run lock key", e);
        }
    }
}
