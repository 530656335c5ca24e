package io.scoreline.pipeline.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database side of the application: the embedded server when no URL is configured,
 * the schema brought up to date, and the runtime pool. Closing it releases them in reverse.
 */
public final class DatabaseRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRuntime.class);

    private final Optional<EmbeddedPostgresServer> embedded;
    private final DatabaseEndpoint owner;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final String runtimeRole;
    private final int migrationsApplied;

    private DatabaseRuntime(
            Optional<EmbeddedPostgresServer> embedded,
            DatabaseEndpoint owner,
            HikariDataSource pool,
            String runtimeRole,
            int migrationsApplied) {
        this.embedded = embedded;
        this.owner = owner;
        this.pool = pool;
        this.runtimeRole = runtimeRole;
        this.migrationsApplied = migrationsApplied;
        this.dsl = DSL.using(new IsolationRememberingDataSource(pool), SQLDialect.POSTGRES);
    }

    public static DatabaseRuntime open(DatabaseSettings settings) {
        return open(settings, config -> {});
    }

    /** Opens the database; {@code poolCustomizer} may add metrics to the pool before it starts. */
    public static DatabaseRuntime open(DatabaseSettings settings, Consumer<HikariConfig> poolCustomizer) {
        var embedded = settings.embedded()
                ? Optional.of(EmbeddedPostgresServer.start(settings.embeddedDataDirectory(), settings.runtimeRole()))
                : Optional.<EmbeddedPostgresServer>empty();
        try {
            var owner = embedded.map(EmbeddedPostgresServer::ownerEndpoint)
                    .orElseGet(() -> settings.owner().orElseThrow());
            requireReachable(owner);
            var migrator = new DatabaseMigrator(owner, settings.runtimeRole());
            int applied = 0;
            if (settings.autoMigrate()) {
                applied = migrator.migrate();
                if (applied > 0) {
                    LOG.info("Applied {} migration(s); schema now at version {}", applied, migrator.currentVersion());
                }
            } else {
                migrator.requireCurrent();
            }
            var pool = runtimePool(settings, owner, poolCustomizer);
            return new DatabaseRuntime(embedded, owner, pool, settings.runtimeRole(), applied);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static HikariDataSource runtimePool(
            DatabaseSettings settings, DatabaseEndpoint owner, Consumer<HikariConfig> poolCustomizer) {
        var config = new HikariConfig();
        var endpoint = settings.runtime().orElse(owner);
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setPoolName("scoreline-runtime");
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(true);
        // The application's statements are planned for their parameters on every execution (no
        // named server-side statements): a cached generic plan made while a table was small (the
        // start of a backfill) would keep scanning it whole once it holds millions of rows. Not
        // plan_cache_mode = force_custom_plan: that also re-plans every foreign-key check of every
        // inserted row, half the database's time in a backfill (ADR 0011).
        config.addDataSourceProperty("prepareThreshold", "0");
        if (settings.runtime().isEmpty()) {
            // Work as the runtime role even though we logged in as the owner: row-level security
            // applies to every statement the application runs.
            config.setConnectionInitSql("set role " + quoteIdentifier(settings.runtimeRole()));
        }
        poolCustomizer.accept(config);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "cannot connect to the database at " + endpoint.display() + ": " + rootMessage(e),
                    e);
        }
    }

    /** Fails with one clear line when the server cannot be reached or refuses the login. */
    private static void requireReachable(DatabaseEndpoint endpoint) {
        var properties = new java.util.Properties();
        if (endpoint.user() != null) {
            properties.setProperty("user", endpoint.user());
        }
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        properties.setProperty("connectTimeout", "10");
        try (var connection = java.sql.DriverManager.getConnection(endpoint.jdbcUrl(), properties)) {
            connection.isValid(5);
        } catch (java.sql.SQLException e) {
            var authFailed = "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
            throw new ScorelineException(
                    authFailed ? FailureKind.AUTH : FailureKind.RETRYABLE,
                    "cannot connect to the database at " + endpoint.display() + ": " + firstLine(e.getMessage()),
                    e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        var line = message.strip().lines().findFirst().orElse("");
        int hint = line.indexOf(". Check that");
        return hint > 0 ? line.substring(0, hint) : line;
    }

    /** The runtime pool: every connection works as the runtime role. */
    public DataSource dataSource() {
        return pool;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DatabaseEndpoint ownerEndpoint() {
        return owner;
    }

    /** How many migrations this start applied. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** The schema version the database is at. */
    public String schemaVersion() {
        return new DatabaseMigrator(owner, runtimeRole).currentVersion();
    }

    public String runtimeRole() {
        return runtimeRole;
    }

    public Optional<EmbeddedPostgresServer> embeddedServer() {
        return embedded;
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    static String quoteIdentifier(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw ScorelineException.badInput(
                    "invalid role name '" + identifier + "': use lower-case letters, digits and _");
        }
        return identifier;
    }

    @SuppressWarnings("ReferenceEquality") // a cause that is the exception itself ends the chain: identity on purpose
    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().strip();
    }
}
