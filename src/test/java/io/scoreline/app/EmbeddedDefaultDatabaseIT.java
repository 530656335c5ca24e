package io.scoreline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The default set-up: no database settings at all. Each step is a separate JVM, as an operator
 * would run them, so the organization must survive a clean stop and restart of the embedded
 * PostgreSQL under SCORELINE_HOME.
 */
class EmbeddedDefaultDatabaseIT {

    record Result(int exitCode, String out, String err) {}

    @Test
    void organizationPersistsAcrossProcesses() throws Exception {
        var home = TestPostgres.testHome().resolve("embedded-home");
        TestPostgres.deleteRecursively(home);

        var created =
                scoreline(home, "org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created organization acme");

        var listed = scoreline(home, "org", "list", "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("\"slug\":\"acme\"").contains("\"timezone\":\"Europe/Berlin\"");

        assertThat(home.resolve("pg/PG_VERSION")).content().startsWith("18");
        assertThat(home.resolve("pg/postmaster.pid"))
                .as("server stopped cleanly")
                .doesNotExist();
        var keyFile = home.resolve("master.key");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // The embedded server's password (ADR 0019): only we may read it, and so the home.
        assertThat(Files.getPosixFilePermissions(home.resolve("pg.password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(home))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        var password = Files.readString(home.resolve("pg.password")).strip();
        assertThat(created.out() + created.err() + listed.out() + listed.err()).doesNotContain(password);
    }

    private static Result scoreline(Path home, String... args) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), Scoreline.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SCORELINE_"));
        builder.environment().put("SCORELINE_HOME", home.toString());
        var out = Files.createTempFile("scoreline", ".out");
        var err = Files.createTempFile("scoreline", ".err");
        var process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scoreline " + String.join(" ", args) + " did not finish");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
