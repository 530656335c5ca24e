package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Run exclusion with a PostgreSQL session advisory lock held on a dedicated connection for the
 * run: it spans processes and nodes sharing the database, and PostgreSQL releases it if the
 * holder dies, so a crashed run never blocks the next one.
 */
public final class AdvisoryLockRunExclusion implements RunExclusion {

    /** The lock space of integration runs (the first key of the two-key advisory lock). */
    static final int LOCK_SPACE = 0x5c07e1;

    private final DataSource dataSource;

    public AdvisoryLockRunExclusion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Lease acquire(long integrationId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_SPACE);
                statement.setInt(2, Math.toIntExact(integrationId));
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw ScorelineException.conflict("integration " + integrationId
                                + " is already syncing (a scheduled run, a backfill or another `scoreline sync`); try again when it ends");
                    }
                }
            }
            var held = connection;
            return () -> release(held, integrationId);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot take the run lock of integration " + integrationId
                    + ": " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection, long integrationId) {
        try (connection; var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, Math.toIntExact(integrationId));
            statement.execute();
        } catch (SQLException e) {
            // Closing the connection ends the session, which releases the lock anyway.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }
}
