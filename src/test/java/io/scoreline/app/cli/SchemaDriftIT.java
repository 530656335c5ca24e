package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A field the rules read is gone from the CRM: the simulated org has no {@code Task.WhoId}, so a
 * rule reading it meets the {@code INVALID_FIELD} a real org answers after the field was deleted.
 * Only that integration stops (a HubSpot one beside it keeps syncing), it shows needs_attention
 * in {@code integration list}, {@code runs} and {@code /metrics}, and after the rules are fixed
 * the next run continues from its cursor.
 */
class SchemaDriftIT {

    private static RunningSimulators sims;
    private static DatabaseEndpoint database;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(23)
                .withVolume(3, 5)
                .withLastDay(LocalDate.now().minusDays(1)));
        database = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(database);
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void aGoneFieldStopsOnlyItsIntegrationAndTheFixedRulesContinueFromTheCursor() throws Exception {
        assertThat(CliRun.run(env, "org", "create", "--slug", "drift", "--name", "Drift", "--timezone", "UTC")
                        .exitCode())
                .isZero();
        var salesforce = addSalesforce();
        var hubspot = addHubSpot();
        for (var id : new String[] {salesforce, hubspot}) {
            var users = CliRun.run(env, "users", "sync", "--integration", id, "--create-profiles", "--json");
            assertThat(users.exitCode()).as(users.err()).isZero();
        }
        assertThat(mappingSet(salesforce, Path.of("mappings/salesforce.yaml"))).isZero();
        assertThat(mappingSet(hubspot, Path.of("mappings/hubspot.yaml"))).isZero();

        var first = CliRun.run(env, "sync", "--integration", salesforce, "--json");
        assertThat(first.out()).as(first.err()).contains("\"status\":\"succeeded\"");
        long firstRead = recordsRead(first.out());
        assertThat(firstRead).isPositive();
        var hubspotFirst = CliRun.run(env, "sync", "--integration", hubspot, "--json");
        assertThat(hubspotFirst.out()).as(hubspotFirst.err()).contains("\"status\":\"succeeded\"");
        var kpisBefore =
                CliRun.run(env, "kpi", "show", "--org", "drift", "--json").out();

        var stock = Files.readString(Path.of("mappings/salesforce.yaml"));
        var readsWhoId = Files.writeString(
                Files.createTempFile("drift", ".yaml"),
                stock
                        + "\n  calls_with_contact:\n    object: Task\n    when: TaskSubtype = 'Call' AND WhoId IS NOT NULL\n");
        assertThat(mappingSet(salesforce, readsWhoId)).isZero();

        var stopped = CliRun.run(env, "sync", "--integration", salesforce);
        assertThat(stopped.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(stopped.out())
                .contains("failed")
                .contains("Task.WhoId")
                .contains("calls_with_contact")
                .contains("needs attention")
                .doesNotContain("calls_made,");

        var other = CliRun.run(env, "sync", "--integration", hubspot, "--json");
        assertThat(other.out()).as(other.err()).contains("\"status\":\"succeeded\"");

        var list = CliRun.run(env, "integration", "list", "--org", "drift", "--json");
        assertThat(list.outLines())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"id\":" + salesforce + ",")
                        .contains("\"status\":\"needs_attention\""))
                .anySatisfy(line ->
                        assertThat(line).contains("\"id\":" + hubspot + ",").contains("\"status\":\"active\""));
        var table = CliRun.run(env, "integration", "list", "--org", "drift");
        assertThat(table.out()).contains("needs_attention");

        var runs = CliRun.run(env, "runs", "--integration", salesforce, "--json", "--limit", "1");
        assertThat(runs.outLines().getFirst())
                .contains("\"status\":\"failed\"")
                .contains("\"error_kind\":\"schema\"")
                .contains("Task.WhoId")
                .contains("\"integration_status\":\"needs_attention\"");
        assertThat(CliRun.run(env, "runs", "--integration", salesforce).out())
                .contains("Integration " + salesforce + " needs attention")
                .contains("schema: ");
        assertThat(CliRun.run(env, "runs", "--integration", hubspot).out()).doesNotContain("needs attention");

        try (var server = ScorelineServer.start(database, Map.of())) {
            var metrics = server.get("/metrics").body();
            assertThat(metrics)
                    .containsPattern("scoreline_integrations\\{status=\"needs_attention\"} 1(\\.0)?\\b")
                    .containsPattern("scoreline_integrations\\{status=\"active\"} 1(\\.0)?\\b")
                    .containsPattern("scoreline_integrations\\{status=\"paused\"} 0(\\.0)?\\b");
        }

        // The rules no longer read the field: the next run continues from the cursor of the last good one.
        assertThat(mappingSet(salesforce, Path.of("mappings/salesforce.yaml"))).isZero();
        var recovered = CliRun.run(env, "sync", "--integration", salesforce, "--json");
        assertThat(recovered.out()).as(recovered.err()).contains("\"status\":\"succeeded\"");
        assertThat(recordsRead(recovered.out()))
                .as("read from the cursor, not from the start of the window again")
                .isLessThan(firstRead);
        assertThat(CliRun.run(env, "kpi", "show", "--org", "drift", "--json").out())
                .as("no record skipped or counted twice")
                .isEqualTo(kpisBefore);
        assertThat(CliRun.run(env, "integration", "list", "--org", "drift", "--json")
                        .outLines())
                .allSatisfy(line -> assertThat(line).contains("\"status\":\"active\""));
    }

    private static int mappingSet(String id, Path file) {
        var set = CliRun.run(env, "mapping", "set", "--integration", id, "--file", file.toString());
        assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
        return set.exitCode();
    }

    private static long recordsRead(String json) {
        var matcher = Pattern.compile("\"records_read\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String addSalesforce() throws Exception {
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "drift",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
    }

    private static String addHubSpot() throws Exception {
        var hs = sims.hubSpot();
        var credentials = Files.createTempFile("hs", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "drift",
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--base-url",
                hs.baseUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
    }
}
