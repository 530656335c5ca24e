package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Salesforce integration's endpoint secret on the CLI (ADR 0020): {@code integration add} shows
 * it once, only its SHA-256 is stored, {@code integration list} says whether there is one and
 * never shows it, and {@code integration rotate-secret} replaces it, also for an integration from
 * before secrets existed.
 */
class IntegrationEndpointSecretCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENDPOINT = Pattern.compile("/webhooks/salesforce/(\\d+)/([A-Za-z0-9_-]{43})\\b");

    private static DatabaseEndpoint database;
    private static Map<String, String> env;
    private static Path credentials;

    @BeforeAll
    static void database() throws Exception {
        database = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(database);
        assertThat(CliRun.run(env, "org", "create", "--slug", "acme", "--name", "Acme Corp", "--timezone", "UTC")
                        .exitCode())
                .isZero();
        credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(credentials, "client_id=3MVG9\nclient_secret=shh\nrefresh_token=5Aep861\n");
    }

    @Test
    void addShowsTheEndpointOnceAndListSaysOnlyWhetherThereIsOne() throws Exception {
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "salesforce",
                "--salesforce-org-id",
                "00D000000000042AAA",
                "--credentials-file",
                credentials.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        var endpoint = ENDPOINT.matcher(added.out());
        assertThat(endpoint.find()).as(added.out()).isTrue();
        long id = Long.parseLong(endpoint.group(1));
        var secret = endpoint.group(2);
        assertThat(added.out()).contains("shown only now").contains("rotate-secret --integration " + id);
        assertThat(storedHash(id)).isEqualTo(sha256(secret));

        var listed = CliRun.run(env, "integration", "list", "--org", "acme");
        assertThat(listed.outLines().getFirst()).contains("WEBHOOKS");
        assertThat(listed.outLines())
                .filteredOn(l -> l.startsWith(id + " "))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("secret set"));
        var json = CliRun.run(env, "integration", "list", "--org", "acme", "--json");
        assertThat(json.out()).doesNotContain(secret).contains("\"endpoint_secret_set\":true");
        assertThat(listed.out()).doesNotContain(secret);
    }

    @Test
    void rotateReplacesTheSecretAndGivesAnIntegrationFromBeforeSecretsItsFirst() throws Exception {
        var added = json(CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "salesforce",
                "--credentials-file",
                credentials.toString(),
                "--json"));
        long id = added.path("id").asLong();
        var first = added.path("endpoint_secret").asText();
        assertThat(added.path("endpoint_path").asText()).isEqualTo("/webhooks/salesforce/" + id + "/" + first);
        assertThat(first).hasSize(43);

        // As V14 leaves an integration added before it: no hash, so its endpoint refuses everything.
        execute("update integrations set endpoint_secret_hash = null where id = " + id);
        var listed = CliRun.run(env, "integration", "list", "--org", "acme");
        assertThat(listed.outLines())
                .filteredOn(l -> l.startsWith(id + " "))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("NO SECRET").contains("rotate-secret"));

        var rotated = CliRun.run(env, "integration", "rotate-secret", "--integration", Long.toString(id), "--json");
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        var line = JSON.readTree(rotated.out());
        var second = line.path("endpoint_secret").asText();
        assertThat(second).hasSize(43).isNotEqualTo(first);
        assertThat(line.path("endpoint_path").asText()).isEqualTo("/webhooks/salesforce/" + id + "/" + second);
        assertThat(storedHash(id)).isEqualTo(sha256(second));

        var text = CliRun.run(env, "integration", "rotate-secret", "--integration", Long.toString(id));
        assertThat(text.exitCode()).as(text.err()).isZero();
        var third = ENDPOINT.matcher(text.out());
        assertThat(third.find()).as(text.out()).isTrue();
        assertThat(storedHash(id)).isEqualTo(sha256(third.group(2))).isNotEqualTo(sha256(second));
        assertThat(text.out()).contains("the old one is refused from now on");
    }

    @Test
    void aHubSpotIntegrationHasNoEndpointSecretToRotate() throws Exception {
        var added = json(CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-x",
                "--json"));
        assertThat(added.has("endpoint_secret")).isFalse();
        assertThat(added.path("endpoint_secret_set").isNull()).isTrue();
        var run = CliRun.run(
                env,
                "integration",
                "rotate-secret",
                "--integration",
                added.path("id").asText());
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .startsWith("error: integration " + added.path("id").asText() + " is hubspot")
                .contains("only Salesforce integrations");
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static byte[] storedHash(long id) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement =
                        connection.prepareStatement("select endpoint_secret_hash from integrations where id = ?")) {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
