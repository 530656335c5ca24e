package io.scoreline.app.bench;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * Time the database's sessions spent running statements ({@code pg_stat_database.active_time}),
 * summed over sessions: how much of a run is the database's work, per record. Wall time, so on a
 * loaded machine it includes waiting for a core.
 */
final class DatabaseTime {

    private final DatabaseEndpoint owner;

    DatabaseTime(DatabaseEndpoint owner) {
        this.owner = owner;
    }

    /**
     * Milliseconds so far. Sessions report their counters when idle for a while, not at once, so
     * this reads until the figure stops moving (outside the timed part of the benchmark).
     */
    double activeMillis() {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.prepareStatement(
                        "select active_time from pg_stat_database where datname = current_database()")) {
            double last = -1;
            int unchanged = 0;
            for (int read = 0; read < 30 && unchanged < 3; read++) {
                connection.createStatement().execute("select pg_stat_clear_snapshot()");
                double now;
                try (var result = statement.executeQuery()) {
                    result.next();
                    now = result.getDouble(1);
                }
                unchanged = now == last ? unchanged + 1 : 0;
                last = now;
                if (unchanged < 3) {
                    LockSupport.parkNanos(1_000_000_000L);
                }
            }
            return last;
        } catch (SQLException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "cannot read the database's statistics: " + e.getMessage(), e);
        }
    }
}
