package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's embedded server as it runs, not as the tests' fast one: durable settings, password
 * logins on loopback only, private files, binaries nobody else could have replaced, and a cluster
 * made by an earlier Scoreline (trusting every local login) locked down with its data kept.
 */
class EmbeddedPostgresConfigurationIT {

    @Test
    void theProductServerIsDurableAndLockedDown() throws Exception {
        var data = EmbeddedPostgresLifetimeIT.scratch("config-product");
        var home = data.getParent();
        // Created and its binaries unpacked by a process of its own, as the product does (this JVM
        // reuses the binaries it unpacked first); then used from here.
        io.scoreline.testing.EmbeddedServerProcess.Handle.start(data).exit();
        try (var server = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            assertThat(settings(
                            server,
                            "fsync",
                            "synchronous_commit",
                            "full_page_writes",
                            "listen_addresses",
                            "unix_socket_directories",
                            "password_encryption"))
                    .containsEntry("fsync", "on")
                    .containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on")
                    .containsEntry("listen_addresses", "127.0.0.1")
                    .containsEntry("unix_socket_directories", "")
                    .containsEntry("password_encryption", "scram-sha-256");
            assertThat(query(server, "select distinct auth_method from pg_hba_file_rules"))
                    .containsExactly("scram-sha-256");
            assertThat(query(server, "select count(*) from pg_hba_file_rules where error is not null"))
                    .containsExactly("0");
            assertThat(query(server, "select rolname from pg_authid where rolcanlogin and rolpassword is null"))
                    .isEmpty();

            assertRefused(server.ownerEndpoint().jdbcUrl(), "scoreline", null);
            assertRefused(server.ownerEndpoint().jdbcUrl(), "scoreline", "wrong");
            assertRefused(server.superuserEndpoint("postgres").jdbcUrl(), "postgres", null);

            var password = Files.readString(home.resolve(EmbeddedPostgresServer.PASSWORD_FILE))
                    .strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.readString(home.resolve("postgresql.log"))).doesNotContain(password);
        }
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(home.resolve(EmbeddedPostgresServer.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("postgresql.log"))).isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(EmbeddedPostgresServer.HBA);
        try (var paths = Files.walk(home.resolve("pg-binaries"))) {
            for (var path : paths.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                var permissions = Files.getPosixFilePermissions(path);
                assertThat(permissions)
                        .as(path.toString())
                        .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
                if (Files.isDirectory(path)) {
                    assertThat(PosixFilePermissions.toString(permissions))
                            .as(path.toString())
                            .isEqualTo("rwxr-xr-x");
                }
            }
        }
    }

    @Test
    void aClusterThatTrustedLocalLoginsIsLockedDownAndKeepsItsData() throws Exception {
        var data = EmbeddedPostgresLifetimeIT.scratch("config-legacy");
        var home = data.getParent();
        // What Scoreline before ADR 0019 made: the library's defaults, trust in pg_hba.conf, no password.
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var legacy = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(home.resolve("pg-binaries").toFile())
                        .start();
                var connection = legacy.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create role scoreline login");
            statement.execute("create database scoreline owner scoreline");
        }
        try (var legacy = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(home.resolve("pg-binaries").toFile())
                        .start();
                var connection = legacy.getDatabase("scoreline", "scoreline").getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('from before')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

        try (var server = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            assertThat(query(server, "select note from kept")).containsExactly("from before");
            assertThat(query(server, "select distinct auth_method from pg_hba_file_rules"))
                    .containsExactly("scram-sha-256");
            assertRefused(server.superuserEndpoint("postgres").jdbcUrl(), "postgres", null);
        }
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve(EmbeddedPostgresServer.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");

        // And the next start, from the files alone.
        try (var server = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            assertThat(query(server, "select note from kept")).containsExactly("from before");
        }
    }

    @Test
    void refusesToStartWhenOtherUsersCouldReadTheDataOrThePassword() throws Exception {
        var data = EmbeddedPostgresLifetimeIT.scratch("config-modes");
        var password = data.resolveSibling(EmbeddedPostgresServer.PASSWORD_FILE);
        EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)
                .close();

        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE))
                .isInstanceOf(ScorelineException.class)
                .hasMessage(password + " is open to other users (rw-r--r--): run chmod 600 " + password
                        + " and start again");
        Files.setPosixFilePermissions(password, PrivateFiles.OWNER_ONLY_FILE);

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE))
                .isInstanceOf(ScorelineException.class)
                .hasMessage(data + " is open to other users (rwxr-x---): run chmod 700 " + data + " and start again");
        Files.setPosixFilePermissions(data, PrivateFiles.OWNER_ONLY_DIRECTORY);

        EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)
                .close();
        assertThat(RunningPostmaster.find(data)).isEmpty();
    }

    @Test
    void refusesBinariesAnotherUserCouldHaveRewrittenAndTightensOpenDirectories() throws Exception {
        var data = EmbeddedPostgresLifetimeIT.scratch("config-binaries");
        var binaries = data.resolveSibling("pg-binaries");
        // Unpacked as the library unpacks them, in a process of its own (this JVM reuses its first unpacking).
        io.scoreline.testing.EmbeddedServerProcess.Handle.start(data).exit();
        var postgres = findProgram(binaries, "postgres");
        var directory = postgres.getParent();

        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        PostgresBinaries.secure(binaries);
        assertThat(mode(directory))
                .as("the library's open directory, tightened")
                .isEqualTo("rwxr-xr-x");

        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE))
                .isInstanceOf(ScorelineException.class)
                .hasMessage("refusing the PostgreSQL binaries in " + binaries + ": " + postgres
                        + " is writable by other users" + "; another user may have replaced them: delete " + binaries
                        + " (Scoreline unpacks them again) and start again");
    }

    private static Path findProgram(Path binaries, String name) throws Exception {
        try (var paths = Files.walk(binaries)) {
            return paths.filter(p -> p.getFileName().toString().equals(name)
                            && p.getParent().getFileName().toString().equals("bin"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, user, password).close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "28000", "08004"));
    }

    private static Map<String, String> settings(EmbeddedPostgresServer server, String... names) throws Exception {
        var result = new HashMap<String, String>();
        for (var name : names) {
            result.put(name, query(server, "show " + name).getFirst());
        }
        return result;
    }

    private static List<String> query(EmbeddedPostgresServer server, String sql) throws Exception {
        var admin = server.superuserEndpoint(sql.contains("kept") ? "scoreline" : "postgres");
        var rows = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
