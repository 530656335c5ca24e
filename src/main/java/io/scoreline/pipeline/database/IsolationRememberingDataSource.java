package io.scoreline.pipeline.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The runtime pool as jOOQ sees it: each borrowed connection answers
 * {@code getTransactionIsolation()} from what it was last told instead of asking the server.
 * jOOQ's transaction provider asks at the start of every transaction (jOOQ issue 20135) and
 * pgjdbc answers with a {@code SHOW TRANSACTION ISOLATION LEVEL} round trip: one extra round trip
 * per page, per webhook batch, per inbox claim. Everything else goes to the pooled connection.
 */
final class IsolationRememberingDataSource implements DataSource {

    private final DataSource pool;

    IsolationRememberingDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return remembering(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return remembering(pool.getConnection(username, password));
    }

    @SuppressWarnings(
            "RefactorSwitch") // the cases mix returns and side effects in call order; a switch expression reads no
    // better
    private static Connection remembering(Connection connection) {
        // One proxy per borrow: the level is read from the server at most once while it is lent.
        var known = new Integer[1];
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    try {
                        switch (method.getName()) {
                            case "getTransactionIsolation" -> {
                                if (known[0] == null) {
                                    known[0] = connection.getTransactionIsolation();
                                }
                                return known[0];
                            }
                            case "setTransactionIsolation" -> {
                                connection.setTransactionIsolation((Integer) args[0]);
                                known[0] = (Integer) args[0];
                                return null;
                            }
                            default -> {
                                return method.invoke(connection, args);
                            }
                        }
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
