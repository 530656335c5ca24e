package io.scoreline.app.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Time the database's sessions spent running statements ({@code pg_stat_database.active_time}),
 * summed over sessions: how much of a run is the database's work, per record. Wall time, so on a
 * loaded machine it includes waiting for a core.
 */
final class DatabaseTime {

    private static final String OTHER_SESSIONS = """
            select pid from pg_stat_activity
             where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()""";
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int POLLS = 750;

    private final DatabaseEndpoint owner;
    private final HikariDataSource pool;

    DatabaseTime(DatabaseEndpoint owner, HikariDataSource pool) {
        this.owner = owner;
        this.pool = pool;
    }

    /**
     * Milliseconds so far. A session reports its counters when it has been idle for a while (up
     * to ten seconds), or when it ends. So the pool's connections are retired first (the pool
     * opens new ones) and the figure is read once the old sessions are gone, outside the timed
     * part of the benchmark. Waiting for the figure to stop moving instead took half a minute
     * per reading: the reading session's own statements kept moving it.
     */
    double activeMillis() {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
            var retired = sessions(connection);
            pool.getHikariPoolMXBean().softEvictConnections();
            for (int poll = 0; !Collections.disjoint(sessions(connection), retired); poll++) {
                if (poll == POLLS) {
                    throw new ScorelineException(
                            FailureKind.RETRYABLE,
                            "the benchmark's database sessions did not end within "
                                    + POLL.multipliedBy(POLLS).toSeconds() + " s of being retired");
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery(
                            "select active_time from pg_stat_database where datname = current_database()")) {
                result.next();
                return result.getDouble(1);
            }
        } catch (SQLException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "cannot read the database's statistics: " + e.getMessage(), e);
        }
    }

    private static Set<Integer> sessions(Connection connection) throws SQLException {
        var pids = new HashSet<Integer>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(OTHER_SESSIONS)) {
            while (result.next()) {
                pids.add(result.getInt(1));
            }
        }
        return pids;
    }
}
