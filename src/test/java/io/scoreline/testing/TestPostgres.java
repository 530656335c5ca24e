package io.scoreline.testing;

import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.DatabaseSettings;
import io.scoreline.pipeline.database.EmbeddedPostgresServer;
import io.scoreline.pipeline.database.ServerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM (DESIGN §11), started through the product's own
 * {@link EmbeddedPostgresServer}; each test class takes a fresh database of its own.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgresServer server;

    private TestPostgres() {}

    public static Path testHome() {
        return Path.of(System.getProperty("scoreline.test.home", "target/test-home"))
                .toAbsolutePath();
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            var dataDirectory = testHome().resolve("pg");
            deleteRecursively(dataDirectory);
            // The product's locked-down server (passwords, loopback only) with a test fixture's
            // speed: nothing here needs to survive an OS crash.
            server = EmbeddedPostgresServer.start(
                    dataDirectory, DatabaseSettings.DEFAULT_RUNTIME_ROLE, ServerProfile.FAST_FOR_TESTS);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A new, empty database owned by the owner role; not yet migrated. */
    public static DatabaseEndpoint freshDatabase() {
        var name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        var admin = server().superuserEndpoint("postgres");
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                var statement = connection.createStatement()) {
            statement.execute("create database " + name + " owner scoreline");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        var owner = server().ownerEndpoint();
        return new DatabaseEndpoint(owner.jdbcUrl().replace("/scoreline", "/" + name), owner.user(), owner.password());
    }

    /** A fresh database, migrated, with the runtime pool open: what the application runs on. */
    public static DatabaseRuntime freshRuntime() {
        return DatabaseRuntime.open(settingsFor(freshDatabase()));
    }

    public static DatabaseSettings settingsFor(DatabaseEndpoint owner) {
        return new DatabaseSettings(
                Optional.of(owner),
                Optional.empty(),
                testHome().resolve("unused"),
                DatabaseSettings.DEFAULT_RUNTIME_ROLE,
                4,
                true);
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
