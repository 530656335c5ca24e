package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code integration describe} and the catalog options of {@code mapping validate}: a catalog
 * printed with {@code --json} reads back with {@code --catalog FILE}, and rules on the simulated
 * org's custom field are valid against it and against the integration, not against the stock catalog.
 */
class CatalogCliIT {

    private static final String OUTCOME_RULES = """
            provider: salesforce
            kpis:
              meetings_held_outcome:
                object: Event
                when: Outcome__c = 'Held'
            """;

    private static RunningSimulators sims;
    private static Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(33)
                .withVolume(2, 3)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void describeStoresAndPrintsTheCatalogAndItsFileReadsBack() throws Exception {
        var sf = sims.salesforce();
        var credentials = Files.writeString(
                dir.resolve("sf.properties"),
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        assertThat(CliRun.run(env, "org", "create", "--slug", "cat", "--name", "Cat", "--timezone", "UTC")
                        .exitCode())
                .isZero();
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "cat",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var rules = Files.writeString(dir.resolve("outcome.yaml"), OUTCOME_RULES);

        var printed = CliRun.run(env, "integration", "describe", "--integration", id);
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out())
                .containsPattern("Catalog of salesforce integration " + id
                        + ": \\d+ objects, read .* with \\d+ API calls " + "\\(stored as version 1\\)")
                .containsPattern("Outcome__c  picklist  values: .*Held");

        var json = CliRun.run(env, "integration", "describe", "--integration", id, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        var file = Files.writeString(dir.resolve("catalog.json"), json.out());

        var stock = CliRun.run(Map.of(), "mapping", "validate", rules.toString());
        assertThat(stock.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(stock.err()).contains("Outcome__c");

        var withFile = CliRun.run(Map.of(), "mapping", "validate", rules.toString(), "--catalog", file.toString());
        assertThat(withFile.exitCode()).as(withFile.err()).isZero();
        assertThat(withFile.out()).contains("valid (salesforce, 1 KPI rules)");

        var withIntegration = CliRun.run(env, "mapping", "validate", rules.toString(), "--integration", id);
        assertThat(withIntegration.exitCode()).as(withIntegration.err()).isZero();

        var both = CliRun.run(
                env, "mapping", "validate", rules.toString(), "--integration", id, "--catalog", file.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--integration and --catalog exclude each other");

        var broken = Files.writeString(dir.resolve("broken.json"), json.out().replace("\"objects\"", "\"things\""));
        var bad = CliRun.run(Map.of(), "mapping", "validate", rules.toString(), "--catalog", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(broken + ": objects: must be a list").doesNotContain("Exception");
    }
}
