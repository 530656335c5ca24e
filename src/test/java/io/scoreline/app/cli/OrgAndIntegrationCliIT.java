package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI contract of DESIGN §10 for org and integration commands, against a real database. */
class OrgAndIntegrationCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> env;

    @BeforeAll
    static void database() {
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        assertThat(CliRun.run(
                                env,
                                "org",
                                "create",
                                "--slug",
                                "acme",
                                "--name",
                                "Acme Corp",
                                "--timezone",
                                "Europe/Berlin")
                        .exitCode())
                .isZero();
    }

    @Test
    void createdOrganizationIsListedAsJson() throws Exception {
        var created = CliRun.run(
                env,
                "org",
                "create",
                "--slug",
                "globex",
                "--name",
                "Globex",
                "--timezone",
                "America/New_York",
                "--week-start",
                "sunday",
                "--json");
        assertThat(created.exitCode()).isZero();
        var listed = CliRun.run(env, "org", "list", "--json");
        assertThat(listed.exitCode()).isZero();
        var globex = listed.outLines().stream()
                .map(this::parse)
                .filter(o -> "globex".equals(o.get("slug")))
                .findFirst()
                .orElseThrow();
        assertThat(globex)
                .containsEntry("name", "Globex")
                .containsEntry("timezone", "America/New_York")
                .containsEntry("week_start", "sunday");
        assertThat(parse(created.out().strip())).containsEntry("id", globex.get("id"));
    }

    @Test
    void humanListIsATable() {
        var listed = CliRun.run(env, "org", "list");
        assertThat(listed.outLines().getFirst()).startsWith("ID").contains("SLUG", "TIMEZONE");
        assertThat(listed.out()).contains("acme").contains("Acme Corp").contains("Europe/Berlin");
    }

    @Test
    void duplicateSlugFailsWithOneLineAndChangesNothing() {
        var before = CliRun.run(env, "org", "list", "--json").outLines();
        var duplicate = CliRun.run(env, "org", "create", "--slug", "acme", "--name", "Other", "--timezone", "UTC");
        assertThat(duplicate.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(duplicate.err().strip()).isEqualTo("error: organization 'acme' already exists");
        assertThat(CliRun.run(env, "org", "list", "--json").outLines()).isEqualTo(before);
    }

    @Test
    void invalidTimezoneIsAUsageError() {
        var run = CliRun.run(env, "org", "create", "--slug", "tz", "--name", "TZ", "--timezone", "Europe/Atlantis");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("invalid timezone 'Europe/Atlantis'").doesNotContain("Exception");
        assertThat(CliRun.run(env, "org", "list").out()).doesNotContain(" tz ");
    }

    @Test
    void fixedOffsetIsNotATimezone() {
        var run = CliRun.run(env, "org", "create", "--slug", "offset", "--name", "Offset", "--timezone", "+02:00");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("IANA time zone");
    }

    @Test
    void missingOptionIsAUsageError() {
        var run = CliRun.run(env, "org", "create", "--slug", "x");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("Missing required options").contains("--help");
    }

    @Test
    void integrationIsAddedAndListedWithoutSecrets() throws Exception {
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-na1-secret-token",
                "--portal-id",
                "4242",
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var json = parse(added.out().strip());
        assertThat(json)
                .containsEntry("provider", "hubspot")
                .containsEntry("status", "active")
                .containsEntry("external_account_id", "4242");
        assertThat((Integer) json.get("schedule_minute")).isBetween(0, 59);
        var listed = CliRun.run(env, "integration", "list", "--org", "acme", "--json");
        assertThat(listed.out()).contains("\"portal_id\":\"4242\"").doesNotContain("pat-na1-secret-token");
    }

    @Test
    void pauseAndResumeChangeTheStatusAndTheSchedule() {
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "hubspot",
                "--private-app-token",
                "pat-x",
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var paused = CliRun.run(env, "integration", "pause", "--integration", id, "--json");
        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(paused.out()).contains("\"status\":\"paused\"").contains("\"next_sync\":null");
        assertThat(CliRun.run(env, "integration", "list", "--org", "acme", "--json")
                        .out())
                .contains("\"id\":" + id + ",\"org\":\"acme\",\"provider\":\"hubspot\",\"status\":\"paused\"");
        var resumed = CliRun.run(env, "integration", "resume", "--integration", id, "--json");
        assertThat(resumed.out()).contains("\"status\":\"active\"").containsPattern("\"next_sync\":\"20\\d\\d-");
        var missing = CliRun.run(env, "integration", "pause", "--integration", "987654");
        assertThat(missing.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(missing.err()).contains("no integration 987654");
    }

    @Test
    void unknownProviderIsAUsageError() {
        var run = CliRun.run(
                env, "integration", "add", "--org", "acme", "--provider", "pipedrive", "--private-app-token", "x");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .isEqualTo("error: --provider must be one of salesforce, hubspot, got 'pipedrive'");
    }

    @Test
    void missingCredentialsAreAUsageErrorAndStoreNothing() {
        int before = integrationCount();
        var run = CliRun.run(
                env, "integration", "add", "--org", "acme", "--provider", "salesforce", "--client-id", "abc");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).startsWith("error: missing credentials");
        assertThat(integrationCount()).isEqualTo(before);
    }

    @Test
    void credentialsTheProviderDoesNotAcceptAreRejected() {
        var run = CliRun.run(
                env, "integration", "add", "--org", "acme", "--provider", "salesforce", "--private-app-token", "pat");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).contains("salesforce does not accept these credentials");
    }

    @Test
    void unreadableCredentialsFileIsReported() throws Exception {
        var directory = Files.createTempDirectory("not-a-file");
        var run = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "hubspot",
                "--credentials-file",
                directory.toString());
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err()).startsWith("error: cannot read credentials file " + directory);
        var missing = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "hubspot",
                "--credentials-file",
                directory.resolve("absent.properties").toString());
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void credentialsFileIsRead() throws Exception {
        var file = Files.createTempFile("sf", ".properties");
        Files.writeString(file, "client_id=3MVG9\nclient_secret=shh\nrefresh_token=5Aep861\n");
        var run = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "salesforce",
                "--login-url",
                "https://test.salesforce.com/",
                "--credentials-file",
                file.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"login_url\":\"https://test.salesforce.com\"");
    }

    @Test
    void unknownOrganizationIsNotFound() {
        var run = CliRun.run(env, "integration", "list", "--org", "nope");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip()).isEqualTo("error: no organization 'nope' (see `scoreline org list`)");
    }

    @Test
    void unreachableDatabaseIsOneLine() {
        var run = CliRun.run(
                env, "org", "list", "--db", "jdbc:postgresql://127.0.0.1:1/scoreline?user=x&password=topsecret");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:1/scoreline")
                .doesNotContain("topsecret");
    }

    @Test
    void badSettingNamesTheSetting() {
        var bad = new java.util.HashMap<>(env);
        bad.put("SCORELINE_DB_POOL_SIZE", "lots");
        var run = CliRun.run(bad, "org", "list");
        assertThat(run.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(run.err().strip())
                .isEqualTo("error: SCORELINE_DB_POOL_SIZE must be a whole number from 1 to 200, got 'lots'");
    }

    private int integrationCount() {
        return CliRun.run(env, "integration", "list", "--org", "acme", "--json")
                .outLines()
                .size();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
