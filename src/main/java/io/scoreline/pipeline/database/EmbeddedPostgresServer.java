package io.scoreline.pipeline.database;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: PostgreSQL 18 whose data lives under {@code $SCORELINE_HOME/pg} and
 * survives restarts and crashes (ADR 0019). Several Scoreline processes may use one server (a
 * {@code serve} in one terminal, CLI commands in another): the first starts it and owns it, the
 * others attach. Each keeps one presence session open while it uses the server; an owner that
 * leaves stops the server only when no other presence is left, otherwise it leaves it running and
 * the remaining process adopts it. A process whose server disappears starts it again. Access needs
 * the generated password in {@code $SCORELINE_HOME/pg.password}; the server listens on 127.0.0.1
 * only and has no Unix socket.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "scoreline";
    static final String OWNER_ROLE = "scoreline";
    static final String SUPERUSER = "postgres";
    /** The application name of the one session each Scoreline process keeps while it uses the server. */
    static final String PRESENCE = "scoreline-presence";

    static final String PASSWORD_FILE = "pg.password";
    static final String HBA = """
            # Written by Scoreline at every start (ADR 0019): password logins over loopback TCP only.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final Path dataDirectory;
    private final Path home;
    private final ServerProfile profile;
    private final String password;
    private final Object state = new Object();
    private volatile int port;
    private EmbeddedPostgres started;
    private boolean owner;
    private long postmasterPid;
    private Connection presence;
    private long presencePid;
    private Thread watchdog;
    private boolean closed;

    private EmbeddedPostgresServer(Path dataDirectory, ServerProfile profile, String password) {
        this.dataDirectory = dataDirectory;
        this.home = dataDirectory.getParent();
        this.profile = profile;
        this.password = password;
    }

    /** Starts (or attaches to) the durable server for {@code dataDirectory} and prepares our database. */
    public static EmbeddedPostgresServer start(Path dataDirectory, String runtimeRole) {
        return start(dataDirectory, runtimeRole, ServerProfile.DURABLE);
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, String runtimeRole, ServerProfile profile) {
        var data = dataDirectory.toAbsolutePath().normalize();
        try {
            PrivateFiles.prepareHome(data.getParent());
            EmbeddedPostgresServer server;
            try (var lock = HomeLock.acquire(data.getParent())) {
                PostgresBinaries.secure(binaries(data));
                var passwordFile = data.resolveSibling(PASSWORD_FILE);
                boolean passwordSet = Files.exists(passwordFile);
                boolean freshCluster = !Files.exists(data.resolve("PG_VERSION"));
                String password;
                if (passwordSet) {
                    PrivateFiles.requireOwnerOnly(passwordFile);
                    password = Files.readString(passwordFile, StandardCharsets.UTF_8)
                            .strip();
                } else {
                    password = newPassword();
                    if (freshCluster) {
                        // initdb reads it with --pwfile: the superuser has a password from its first moment.
                        PrivateFiles.writeOwnerOnly(passwordFile, password + "\n");
                    }
                }
                if (!freshCluster) {
                    PrivateFiles.requireOwnerOnly(data);
                }
                server = new EmbeddedPostgresServer(data, profile, password);
                server.startOrAttach(0);
                if (!passwordSet && !freshCluster) {
                    server.lockDownTrustCluster(passwordFile);
                }
                PostgresBinaries.secure(binaries(data));
                server.prepare(runtimeRole);
                server.openPresence();
            }
            server.startWatchdog();
            return server;
        } catch (ScorelineException e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "cannot start the embedded PostgreSQL in " + data + ": " + rootMessage(e),
                    e);
        }
    }

    /** The owner role's endpoint of the Scoreline database on this server. */
    public DatabaseEndpoint ownerEndpoint() {
        return new DatabaseEndpoint(url(DATABASE), OWNER_ROLE, password);
    }

    /** A superuser endpoint to a named database; tests use it to create scratch databases. */
    public DatabaseEndpoint superuserEndpoint(String database) {
        return new DatabaseEndpoint(url(database), SUPERUSER, password);
    }

    public int port() {
        return port;
    }

    /** Whether this process answers for the server now (started or adopted it, and stops it last). */
    public boolean owned() {
        synchronized (state) {
            return owner;
        }
    }

    /** The data directory this server runs on. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Starts the server again if it is gone (killed, or stopped by a process that did not see us),
     * and adopts it if its owner is gone. The watchdog calls it every second; callers that know the
     * database just failed may call it at once.
     */
    public void ensureRunning() {
        synchronized (state) {
            if (closed) {
                return;
            }
            try {
                var running = RunningPostmaster.find(dataDirectory);
                boolean ownerGone = !owner && ServerOwner.live(home).isEmpty();
                if (running.isPresent() && running.get().pid() == postmasterPid && !ownerGone) {
                    return;
                }
                try (var lock = HomeLock.acquire(home)) {
                    var before = postmasterPid;
                    startOrAttach(port);
                    if (postmasterPid != before || presence == null || !presence.isValid(2)) {
                        openPresence();
                    }
                }
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warn("Embedded PostgreSQL in {} is not available yet: {}", dataDirectory, rootMessage(e));
            }
        }
    }

    /**
     * Under the home lock: attaches to the running server (adopting it if its owner is gone) or
     * starts one, on {@code preferredPort} when it is not 0 (a restart keeps its port, so open
     * pools reconnect to the same URL).
     */
    private void startOrAttach(int preferredPort) throws IOException {
        var running = RunningPostmaster.find(dataDirectory);
        if (running.isPresent()) {
            port = running.get().port();
            postmasterPid = running.get().pid();
            if (!owner && ServerOwner.live(home).isEmpty()) {
                ServerOwner.current().record(home);
                owner = true;
                LOG.info("Adopted the embedded PostgreSQL on port {} (pid {}): its owner is gone", port, postmasterPid);
            } else if (!owner) {
                LOG.info(
                        "Embedded PostgreSQL already running on port {} (pid {}); connecting to it",
                        port,
                        postmasterPid);
            }
            return;
        }
        releaseStarted();
        PrivateFiles.createOwnerOnly(serverLog());
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Our ownership rule decides when the server stops, not the library's shutdown hook.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries(dataDirectory).toFile())
                .setPort(preferredPort != 0 ? preferredPort : freePort())
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // No Unix socket: the only way in is loopback TCP with a password.
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
                // PostgreSQL's own C.UTF-8 (ADR 0015), not the machine's: text sorts by code
                // point as Java's String does, on every machine, and compares without
                // calling the C library's collation. Used when the cluster is created.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                // initdb's later --auth overrides the library's -A trust: no trust line ever exists.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig(
                        "pwfile", dataDirectory.resolveSibling(PASSWORD_FILE).toString())
                .setDataDirectoryCustomizer(dir -> writeHba())
                // The server's own log goes next to its data, not into the CLI's output.
                .setOutputRedirector(
                        ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog().toFile()));
        profile.settings().forEach(builder::setServerConfig);
        started = builder.start();
        port = started.getPort();
        postmasterPid = RunningPostmaster.find(dataDirectory)
                .map(RunningPostmaster::pid)
                .orElse(0L);
        ServerOwner.current().record(home);
        owner = true;
        LOG.info("Embedded PostgreSQL started on port {} with data in {}", port, dataDirectory);
    }

    /**
     * The library's data-directory hook: before every start we started, pg_hba.conf is ours. A
     * cluster from before ADR 0019 keeps its trust file until its passwords are set.
     */
    private void writeHba() {
        if (!Files.exists(dataDirectory.resolveSibling(PASSWORD_FILE))) {
            return;
        }
        try {
            PrivateFiles.writeOwnerOnly(dataDirectory.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "cannot write " + dataDirectory.resolve("pg_hba.conf") + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * A cluster created before ADR 0019 trusts every local login. While trust still lets us in,
     * the superuser and the owner get the generated password; then the password file is written,
     * pg_hba.conf replaced and reloaded. A crash in between repeats the steps at the next start.
     */
    private void lockDownTrustCluster(Path passwordFile) throws IOException, SQLException {
        try (var connection = connectTrusting(passwordFile)) {
            var pg = connection.unwrap(PGConnection.class);
            pg.alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + OWNER_ROLE + "'")) {
                if (rs.next()) {
                    pg.alterUserPassword(OWNER_ROLE, password.toCharArray(), "scram-sha-256");
                }
            }
            PrivateFiles.writeOwnerOnly(passwordFile, password + "\n");
            writeHba();
            try (var statement = connection.createStatement()) {
                statement.execute("select pg_reload_conf()");
            }
        }
        LOG.warn(
                "Embedded PostgreSQL in {} now requires the password in {} (it trusted local logins before)",
                dataDirectory,
                passwordFile);
    }

    private Connection connectTrusting(Path passwordFile) throws SQLException {
        try {
            return connect(SUPERUSER, "postgres", null, "scoreline-control");
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                throw new ScorelineException(
                        FailureKind.AUTH,
                        "the embedded PostgreSQL in " + dataDirectory + " requires a password but " + passwordFile
                                + " is missing: restore it from a backup",
                        e);
            }
            throw e;
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates the owner role, the runtime role and the database once. The owner is not a
     * superuser, so nothing the application does runs with superuser rights.
     */
    private void prepare(String runtimeRole) throws SQLException {
        try (var connection = connect(SUPERUSER, "postgres", password, "scoreline-control");
                var statement = connection.createStatement()) {
            for (var sql : List.of(
                    "do $$ begin if not exists (select 1 from pg_roles where rolname = '" + OWNER_ROLE + "') then "
                            + "create role " + OWNER_ROLE + " login nosuperuser nobypassrls; end if; end $$",
                    "do $$ begin if not exists (select 1 from pg_roles where rolname = '" + runtimeRole + "') then "
                            + "create role " + runtimeRole
                            + " nologin nosuperuser nobypassrls noinherit; end if; end $$",
                    "grant " + runtimeRole + " to " + OWNER_ROLE + " with inherit false, set true")) {
                statement.execute(sql);
            }
            try (var rs = statement.executeQuery(
                    "select rolpassword is null from pg_authid where rolname = '" + OWNER_ROLE + "'")) {
                if (rs.next() && rs.getBoolean(1)) {
                    // Hashed here (SCRAM): the password itself never reaches the server or its log.
                    connection
                            .unwrap(PGConnection.class)
                            .alterUserPassword(OWNER_ROLE, password.toCharArray(), "scram-sha-256");
                }
            }
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                }
            }
        }
    }

    private Connection connect(String user, String database, String withPassword, String applicationName)
            throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (withPassword != null) {
            properties.setProperty("password", withPassword);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url(database), properties);
    }

    /** Our presence session: while it is open, no other process stops the server under us. */
    private void openPresence() throws SQLException {
        closePresence();
        presence = connect(SUPERUSER, "postgres", password, PRESENCE);
        try (var statement = presence.createStatement();
                var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            presencePid = rs.getLong(1);
        }
    }

    private void closePresence() {
        if (presence != null) {
            try {
                presence.close();
            } catch (SQLException e) {
                LOG.debug("presence session already gone: {}", e.getMessage());
            }
            presence = null;
        }
    }

    private void startWatchdog() {
        watchdog = Thread.ofVirtual().name("embedded-postgres-watchdog").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(WATCH_INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
                ensureRunning();
            }
        });
    }

    /**
     * Leaves the server: the owner, or a process that finds no live owner, stops it unless another
     * Scoreline process still keeps a presence session; then the server is left running for it.
     */
    @Override
    public void close() {
        Thread watching;
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            watching = watchdog;
        }
        if (watching != null) {
            watching.interrupt();
            try {
                watching.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (state) {
            closePresence();
            try (var lock = HomeLock.acquire(home)) {
                var running = RunningPostmaster.find(dataDirectory);
                if (!owner && ServerOwner.live(home).isPresent()) {
                    return;
                }
                if (running.isEmpty()) {
                    releaseStarted();
                    ServerOwner.current().release(home);
                    return;
                }
                int others = otherPresences();
                if (others > 0) {
                    ServerOwner.current().release(home);
                    LOG.info("Embedded PostgreSQL left running for {} other Scoreline process(es)", others);
                    return;
                }
                stop(running.get());
                ServerOwner.current().release(home);
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", rootMessage(e));
            }
        }
    }

    private int otherPresences() {
        try (var connection = connect(SUPERUSER, "postgres", password, "scoreline-control");
                var statement = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where application_name = ? and pid <> ?")) {
            statement.setString(1, PRESENCE);
            statement.setLong(2, presencePid);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            // Cannot tell who else is there: leaving the server running loses nothing.
            LOG.warn("cannot list the sessions of the embedded PostgreSQL, leaving it running: {}", e.getMessage());
            return 1;
        }
    }

    /**
     * Stops the server: through the library if we started it; else (adopted) by ending the
     * sessions that are not Scoreline's (a psql left open would hold a smart shutdown forever)
     * and sending the postmaster SIGTERM, a smart shutdown. pg_ctl is not ours to run here: it
     * refuses to run as root, which the library works around only for its own commands.
     */
    private void stop(RunningPostmaster running) throws IOException {
        if (started != null) {
            releaseStarted();
            return;
        }
        var postmaster = ProcessHandle.of(running.pid()).orElse(null);
        if (postmaster == null) {
            return;
        }
        try (var connection = connect(SUPERUSER, "postgres", password, "scoreline-control");
                var statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where backend_type = 'client backend' and pid <> pg_backend_pid()");
        } catch (SQLException e) {
            LOG.debug("could not end the other sessions before stopping: {}", e.getMessage());
        }
        postmaster.destroy();
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException(
                    "the postmaster (pid " + running.pid() + ") did not stop within 60 s; see " + serverLog(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server", e);
        }
    }

    /** Closes the library's handle: stops the server it started, if it still runs, and frees its lock. */
    private void releaseStarted() throws IOException {
        if (started != null) {
            var handle = started;
            started = null;
            handle.close();
        }
    }

    private Path serverLog() {
        return dataDirectory.resolveSibling("postgresql.log");
    }

    static Path binaries(Path dataDirectory) {
        return dataDirectory.resolveSibling("pg-binaries");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String newPassword() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @SuppressWarnings("ReferenceEquality") // a cause that is the exception itself ends the chain: identity on purpose
    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
