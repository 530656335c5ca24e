package io.scoreline.pipeline.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Lends Quartz connections from the application's pool, so the job store lives in the same
 * database as the integrations and works under the same runtime role.
 */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final AtomicReference<DataSource> dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = new AtomicReference<>(dataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        var current = dataSource.get();
        if (current == null) {
            throw new SQLException("the scheduler has shut down");
        }
        return current.getConnection();
    }

    /**
     * The pool belongs to the application and outlives the scheduler: only let go of it. Quartz
     * keeps providers in a JVM-wide registry, which would otherwise keep the pool reachable.
     */
    @Override
    public void shutdown() {
        dataSource.set(null);
    }

    @Override
    public void initialize() {
        // The pool is already open.
    }
}
