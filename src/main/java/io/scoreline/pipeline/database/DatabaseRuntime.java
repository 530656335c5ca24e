package io.scoreline.pipeline.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.util.Optional;
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

    private DatabaseRuntime(Optional<EmbeddedPostgresServer> embedded, DatabaseEndpoint owner,
            HikariDataSource pool, String runtimeRole) {
        this.embedded = embedded;
        this.owner = owner;
        this.pool = pool;
        this.runtimeRole = runtimeRole;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
    }

    public static DatabaseRuntime open(DatabaseSettings settings) {
        var embedded = settings.embedded()
                ? Optional.of(EmbeddedPostgresServer.start(settings.embeddedDataDirectory(), settings.runtimeRole()))
                : Optional.<EmbeddedPostgresServer>empty();
        try {
            var owner = embedded.map(EmbeddedPostgresServer::ownerEndpoint).orElseGet(() -> settings.owner().orElseThrow());
            var migrator = new DatabaseMigrator(owner, settings.runtimeRole());
            if (settings.autoMigrate()) {
                int applied = migrator.migrate();
                if (applied > 0) {
                    LOG.info("Applied {} migration(s); schema now at version {}", applied, migrator.currentVersion());
                }
            } else {
                migrator.requireCurrent();
            }
            var pool = runtimePool(settings, owner);
            return new DatabaseRuntime(embedded, owner, pool, settings.runtimeRole());
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static HikariDataSource runtimePool(DatabaseSettings settings, DatabaseEndpoint owner) {
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
        if (settings.runtime().isEmpty()) {
            // Work as the runtime role even though we logged in as the owner: row-level security
            // applies to every statement the application runs.
            config.setConnectionInitSql("set role " + quoteIdentifier(settings.runtimeRole()));
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ScorelineException(FailureKind.RETRYABLE,
                    "cannot connect to the database at " + endpoint.display() + ": " + rootMessage(e), e);
        }
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
            throw ScorelineException.badInput("invalid role name '" + identifier + "': use lower-case letters, digits and _");
        }
        return identifier;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }
}
