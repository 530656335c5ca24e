package io.scoreline.pipeline.database;

import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: PostgreSQL 18 whose data lives under a directory of ours and survives
 * restarts. When another Scoreline process already runs a server on that directory (a
 * {@code serve} in one terminal, a CLI command in another), we connect to it instead of failing
 * on its lock, and leave it running when we close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "scoreline";
    static final String OWNER_ROLE = "scoreline";

    private final EmbeddedPostgres server;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts (or attaches to) the server for {@code dataDirectory} and prepares our database. */
    public static EmbeddedPostgresServer start(Path dataDirectory, String runtimeRole) {
        try {
            Files.createDirectories(dataDirectory);
            var running = RunningPostmaster.find(dataDirectory);
            EmbeddedPostgresServer result;
            if (running.isPresent()) {
                LOG.info("Embedded PostgreSQL already running on port {} (pid {}); connecting to it",
                        running.get().port(), running.get().pid());
                result = new EmbeddedPostgresServer(null, running.get().port());
            } else {
                var pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-binaries").toFile())
                        .setServerConfig("max_connections", "100")
                        // PostgreSQL's own C.UTF-8 (ADR 0015), not the machine's: text sorts by code
                        // point as Java's String does, on every machine, and compares without
                        // calling the C library's collation. Used when the cluster is created.
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale-provider", "builtin")
                        .setLocaleConfig("builtin-locale", "C.UTF-8")
                        // The server's own log goes next to its data, not into the CLI's output.
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog(dataDirectory)))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog(dataDirectory)))
                        .start();
                LOG.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDirectory);
                result = new EmbeddedPostgresServer(pg, pg.getPort());
            }
            result.prepare(runtimeRole);
            return result;
        } catch (IOException | RuntimeException e) {
            throw new ScorelineException(FailureKind.RETRYABLE,
                    "cannot start the embedded PostgreSQL in " + dataDirectory + ": " + rootMessage(e), e);
        }
    }

    /** The owner role's endpoint of the Scoreline database on this server. */
    public DatabaseEndpoint ownerEndpoint() {
        return new DatabaseEndpoint(url(DATABASE), OWNER_ROLE, null);
    }

    /** A superuser endpoint to a named database; tests use it to create scratch databases. */
    public DatabaseEndpoint superuserEndpoint(String database) {
        return new DatabaseEndpoint(url(database), "postgres", null);
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server (and so stops it on close). */
    public boolean owned() {
        return server != null;
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * Creates the owner role, the runtime role and the database once. The owner is not a
     * superuser, so nothing the application does runs with superuser rights.
     */
    private void prepare(String runtimeRole) {
        var admin = superuserEndpoint("postgres");
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), null);
                var statement = connection.createStatement()) {
            for (var sql : List.of(
                    "do $$ begin if not exists (select 1 from pg_roles where rolname = '" + OWNER_ROLE + "') then "
                            + "create role " + OWNER_ROLE + " login nosuperuser nobypassrls; end if; end $$",
                    "do $$ begin if not exists (select 1 from pg_roles where rolname = '" + runtimeRole + "') then "
                            + "create role " + runtimeRole + " nologin nosuperuser nobypassrls noinherit; end if; end $$",
                    "grant " + runtimeRole + " to " + OWNER_ROLE + " with inherit false, set true")) {
                statement.execute(sql);
            }
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        } catch (SQLException e) {
            throw new ScorelineException(FailureKind.RETRYABLE,
                    "cannot prepare the embedded database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static java.io.File serverLog(Path dataDirectory) {
        return dataDirectory.resolveSibling("postgresql.log").toFile();
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
