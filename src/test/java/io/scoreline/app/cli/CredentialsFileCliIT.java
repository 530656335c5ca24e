package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A credentials file says one thing, briefly, in keys its login flow takes; anything else is exit 2 and stores nothing. */
class CredentialsFileCliIT {

    private static DatabaseEndpoint owner;
    private static Map<String, String> env;

    @BeforeAll
    static void database() {
        owner = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(owner);
        assertThat(CliRun.run(env, "org", "create", "--slug", "files", "--name", "Files", "--timezone", "UTC")
                        .exitCode())
                .isZero();
    }

    @Test
    void aFileOverSixtyFourKibibytesIsRefused() throws Exception {
        var file = file("client_id=3MVG9\nclient_secret=shh\nrefresh_token=5Aep861\n# " + "x".repeat(64 * 1024) + "\n");
        var run = add("salesforce", file);
        assertRefused(run, "error: credentials file " + file + " is larger than 64 KiB");
    }

    @Test
    void aFileOfExactlySixtyFourKibibytesIsRead() throws Exception {
        var keys = "client_id=3MVG9\nclient_secret=shh\nrefresh_token=5Aep861\n";
        var padding = 64 * 1024 - keys.length() - 3;
        var file = file(keys + "# " + "x".repeat(padding) + "\n");
        assertThat(Files.size(file)).isEqualTo(64 * 1024);
        var run = add("salesforce", file);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKeysTheProviderTakes() throws Exception {
        var file = file("client_id=3MVG9\nclient_secret=shh\nrefresh_tokn=5Aep861\n");
        var run = add("salesforce", file);
        assertRefused(
                run,
                "error: unknown key 'refresh_tokn' in credentials file " + file
                        + ": salesforce takes client_id, client_secret, refresh_token (refresh-token login)");
        assertThat(run.err())
                .contains("(client-credentials login)")
                .contains("private_key_file")
                .contains("(JWT bearer login)");

        var hubSpot = add("hubspot", file("access_token=pat\nportal=1\n"));
        assertRefused(hubSpot, "error: unknown key 'portal'");
        assertThat(hubSpot.err())
                .contains("hubspot takes client_id, client_secret, refresh_token (public app); "
                        + "or private_app_token or access_token (private app)");
    }

    @Test
    void aKeyOfAnotherFlowIsRefusedWithTheKeysOfThisOne() throws Exception {
        var file =
                file("client_id=3MVG9\nclient_secret=shh\nusername=rep@example.com\nprivate_key=-----BEGIN KEY-----\n");
        var run = add("salesforce", file);
        assertRefused(
                run,
                "error: unknown key 'client_secret' in credentials file " + file
                        + " for the salesforce JWT bearer login, which takes client_id, jwt_username, username, jwt_key_file, "
                        + "private_key_file, private_key");
    }

    @Test
    void aRepeatedKeyIsRefused() throws Exception {
        var file = file("client_id=3MVG9\nclient_secret=first\nrefresh_token=5Aep861\nCLIENT_SECRET=second\n");
        var run = add("salesforce", file);
        assertRefused(run, "error: duplicate key 'client_secret' in credentials file " + file);
    }

    private static void assertRefused(CliRun run, String message) throws SQLException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith(message);
    }

    /** Runs {@code integration add}; a refused one must leave the table as it was. */
    private static CliRun add(String provider, Path file) throws SQLException {
        int before = integrationCount();
        var run = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "files",
                "--provider",
                provider,
                "--credentials-file",
                file.toString());
        if (run.exitCode() != 0) {
            assertThat(integrationCount())
                    .as("integrations after a refused add")
                    .isEqualTo(before);
        }
        return run;
    }

    private static Path file(String content) throws Exception {
        return Files.writeString(
                Files.createTempFile(TestPostgres.testHome().getParent(), "credentials", ".properties"), content);
    }

    private static int integrationCount() throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var rows = connection.createStatement().executeQuery("select count(*) from integrations")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
