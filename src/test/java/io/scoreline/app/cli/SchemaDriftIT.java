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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fields the rules read are deleted in the CRM through the simulators' drift controls: the
 * Salesforce custom field {@code Task.Call_Outcome__c} (the org then refuses the query) and the
 * HubSpot custom property {@code calls.call_quality} (the portal silently leaves it out; the
 * refreshed catalog shows it is gone). Only that integration stops (the other keeps syncing), it
 * shows needs_attention in {@code integration list}, {@code runs} and {@code /metrics}, and after the
 * field is restored the next run continues from its cursor: the KPIs come out as before the drift.
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
                // Yesterday in the simulator's zone: a UTC date would hold records still in the future just after
                // midnight UTC.
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        database = TestPostgres.freshDatabase();
        env = TestEnvironment.forDatabase(database);
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void aDeletedFieldStopsOnlyItsIntegrationAndTheRestoredFieldContinuesFromTheCursor() throws Exception {
        assertThat(CliRun.run(env, "org", "create", "--slug", "drift", "--name", "Drift", "--timezone", "UTC")
                        .exitCode())
                .isZero();
        var salesforce = addSalesforce();
        var hubspot = addHubSpot();
        for (var id : new String[] {salesforce, hubspot}) {
            var users = CliRun.run(env, "users", "sync", "--integration", id, "--create-profiles", "--json");
            assertThat(users.exitCode()).as(users.err()).isZero();
        }
        assertThat(mappingSet(
                        salesforce,
                        withRule(
                                "mappings/salesforce.yaml",
                                "  calls_with_outcome:\n    object: Task\n"
                                        + "    when: TaskSubtype = 'Call' AND Call_Outcome__c IS NOT NULL\n")))
                .isZero();
        assertThat(mappingSet(
                        hubspot,
                        withRule(
                                "mappings/hubspot.yaml",
                                "  rated_calls:\n    object: calls\n    when: call_quality IS NOT NULL\n")))
                .isZero();

        var first = CliRun.run(env, "sync", "--integration", salesforce, "--json");
        assertThat(first.out()).as(first.err()).contains("\"status\":\"succeeded\"");
        long firstRead = recordsRead(first.out());
        assertThat(firstRead).isPositive();
        var hubspotFirst = CliRun.run(env, "sync", "--integration", hubspot, "--json");
        assertThat(hubspotFirst.out()).as(hubspotFirst.err()).contains("\"status\":\"succeeded\"");
        var kpisBefore =
                CliRun.run(env, "kpi", "show", "--org", "drift", "--json").out();
        assertThat(kpisBefore).contains("calls_with_outcome").contains("rated_calls");

        sims.salesforceSimulator().schemaDrift().deleteField("Task", "Call_Outcome__c");
        var stopped = CliRun.run(env, "sync", "--integration", salesforce);
        assertThat(stopped.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(stopped.out())
                .contains("failed")
                .contains("Task.Call_Outcome__c")
                .contains("calls_with_outcome")
                .contains("needs attention")
                .doesNotContain("calls_made,");

        var other = CliRun.run(env, "sync", "--integration", hubspot, "--json");
        assertThat(other.out()).as(other.err()).contains("\"status\":\"succeeded\"");

        assertStatuses(salesforce, "needs_attention", hubspot, "active");
        var table = CliRun.run(env, "integration", "list", "--org", "drift");
        assertThat(table.out()).contains("needs_attention");

        var runs = CliRun.run(env, "runs", "--integration", salesforce, "--json", "--limit", "1");
        assertThat(runs.outLines().getFirst())
                .contains("\"status\":\"failed\"")
                .contains("\"error_kind\":\"schema\"")
                .contains("Task.Call_Outcome__c")
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

        // The field is back: the next run continues from the cursor of the last good one.
        sims.salesforceSimulator().schemaDrift().restoreField("Task", "Call_Outcome__c");
        var recovered = CliRun.run(env, "sync", "--integration", salesforce, "--json");
        assertThat(recovered.out()).as(recovered.err()).contains("\"status\":\"succeeded\"");
        assertThat(recordsRead(recovered.out()))
                .as("read from the cursor, not from the start of the window again")
                .isLessThan(firstRead);
        assertStatuses(salesforce, "active", hubspot, "active");

        // HubSpot answers a deleted property by leaving it out: the catalog read before the run
        // (here on every run: SCORELINE_CATALOG_MAX_AGE is tiny) shows it gone.
        var catalogEveryRun = new HashMap<>(env);
        catalogEveryRun.put("SCORELINE_CATALOG_MAX_AGE", "PT0.001S");
        sims.hubSpotSimulator().schemaDrift().deleteProperty("calls", "call_quality");
        var hubspotStopped = CliRun.run(catalogEveryRun, "sync", "--integration", hubspot);
        assertThat(hubspotStopped.exitCode()).as(hubspotStopped.err()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(hubspotStopped.out())
                .contains("calls.call_quality")
                .contains("rated_calls")
                .contains("needs attention")
                .doesNotContain("calls_made,");
        var salesforceMeanwhile = CliRun.run(env, "sync", "--integration", salesforce, "--json");
        assertThat(salesforceMeanwhile.out()).as(salesforceMeanwhile.err()).contains("\"status\":\"succeeded\"");
        assertStatuses(salesforce, "active", hubspot, "needs_attention");
        assertThat(CliRun.run(env, "runs", "--integration", hubspot, "--json", "--limit", "1")
                        .outLines()
                        .getFirst())
                .contains("\"error_kind\":\"schema\"")
                .contains("\"integration_status\":\"needs_attention\"");

        // Restored, with the default catalog age: a needs_attention integration reads its catalog
        // again anyway, so the stored one without the property does not keep it stopped.
        sims.hubSpotSimulator().schemaDrift().restoreProperty("calls", "call_quality");
        var hubspotRecovered = CliRun.run(env, "sync", "--integration", hubspot, "--json");
        assertThat(hubspotRecovered.out()).as(hubspotRecovered.err()).contains("\"status\":\"succeeded\"");
        assertStatuses(salesforce, "active", hubspot, "active");

        assertThat(CliRun.run(env, "kpi", "show", "--org", "drift", "--json").out())
                .as("no record missed or counted twice across both drifts")
                .isEqualTo(kpisBefore);
    }

    private static void assertStatuses(String first, String firstStatus, String second, String secondStatus) {
        var list = CliRun.run(env, "integration", "list", "--org", "drift", "--json");
        assertThat(list.outLines())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"id\":" + first + ",")
                        .contains("\"status\":\"" + firstStatus + "\""))
                .anySatisfy(line -> assertThat(line)
                        .contains("\"id\":" + second + ",")
                        .contains("\"status\":\"" + secondStatus + "\""));
    }

    private static Path withRule(String stockFile, String rule) throws Exception {
        return Files.writeString(
                Files.createTempFile("drift", ".yaml"), Files.readString(Path.of(stockFile)) + "\n" + rule);
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
