package io.scoreline.pipeline.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database takes new work now, for {@code /health} and the webhook intake (ADR 0023).
 *
 * <p>The check opens a fresh connection with the pool's login rather than borrowing a pooled one:
 * during a smart shutdown ({@code pg_ctl stop -m smart}) the sessions a pool already holds keep
 * working while the server refuses every new one, so a pooled {@code select 1} would report a
 * database that is going away as healthy. An answer is reused for {@link #REUSE}, so a flood of
 * probes or webhooks costs at most one connection a second; callers that arrive while a check runs
 * take the previous answer instead of queueing behind it.
 *
 * <p>When the database turns unavailable the pool's connections are evicted: a killed server left
 * them broken, and a server in smart shutdown waits for them to close before it can stop. The pool
 * opens new ones by itself once the server is back.
 */
public final class DatabaseHealth {

    /** How long one answer is reused. */
    public static final Duration REUSE = Duration.ofSeconds(1);
    /** How long one check may take before the database counts as unavailable. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    /** What the last check found. */
    public sealed interface Status {}

    public record Available() implements Status {}

    /** @param reason one line for any caller: never the driver's or the pool's text */
    public record Unavailable(String reason) implements Status {}

    private record Checked(Status status, Instant at) {}

    private final HikariDataSource pool;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Checked last;

    public DatabaseHealth(HikariDataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The database's state, at most {@link #REUSE} old. */
    public Status status() {
        var seen = last;
        if (fresh(seen)) {
            return seen.status();
        }
        if (!checking.tryLock()) {
            if (seen != null) {
                return seen.status();
            }
            checking.lock();
        }
        try {
            seen = last;
            if (fresh(seen)) {
                return seen.status();
            }
            var status = check();
            remember(seen == null ? null : seen.status(), status);
            return status;
        } finally {
            checking.unlock();
        }
    }

    public boolean available() {
        return status() instanceof Available;
    }

    /**
     * A caller's database work just failed as if the server were away: the next {@link #status()}
     * checks again rather than reuse an older "available".
     */
    public void suspect() {
        var seen = last;
        if (seen != null) {
            last = new Checked(seen.status(), Instant.MIN);
        }
    }

    private boolean fresh(Checked checked) {
        return checked != null && checked.at().plus(REUSE).isAfter(clock.instant());
    }

    private void remember(Status before, Status now) {
        last = new Checked(now, clock.instant());
        if (now instanceof Unavailable unavailable && !(before instanceof Unavailable)) {
            LOG.warn("Database unavailable ({}); answering 503 until it is back", unavailable.reason());
            var mxBean = pool.getHikariPoolMXBean();
            if (mxBean != null) {
                mxBean.softEvictConnections();
            }
        } else if (now instanceof Available && before instanceof Unavailable) {
            LOG.info("Database available again");
        }
    }

    private Status check() {
        var properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        var seconds = Long.toString(TIMEOUT.toSeconds());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "scoreline-health");
        try (var connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
                var statement = connection.createStatement()) {
            statement.execute("select 1");
            return new Available();
        } catch (SQLException e) {
            LOG.debug("Database check failed: {}", e.getMessage());
            return new Unavailable(reason(e.getSQLState()));
        }
    }

    /** By SQLSTATE, never by message: the message may carry host names and the server's words. */
    static String reason(String sqlState) {
        var state = sqlState == null ? "" : sqlState;
        if (state.equals("57P03")) {
            return "the database is starting up or shutting down";
        }
        if (state.startsWith("57")) {
            return "the database is shutting down";
        }
        if (state.startsWith("08") || state.isEmpty()) {
            return "the database is unreachable";
        }
        if (state.startsWith("28")) {
            return "the database refused the login";
        }
        if (state.startsWith("53")) {
            return "the database has no room for another connection";
        }
        return "the database check failed (SQLSTATE " + state + ")";
    }
}
