package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The catalog files committed beside the custom-field examples are what the simulators' describe
 * reports: each simulator is described through {@code integration describe --json} and compared
 * with its file (apart from readAt and apiCalls, which change with every read), and the examples
 * are valid against the files through {@code mapping validate --catalog}. When a simulator's
 * schema changes, this fails and leaves the new file under target/example-catalogs/ to commit.
 */
class ExampleCatalogFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("mappings", "examples");

    private static RunningSimulators sims;
    private static Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults());
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        assertThat(CliRun.run(env, "org", "create", "--slug", "examples", "--name", "Examples", "--timezone", "UTC")
                        .exitCode())
                .isZero();
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void salesforceCatalogFileIsWhatTheSimulatorDescribes() throws Exception {
        var sf = sims.salesforce();
        var credentials = credentials("sf", sf.clientId(), sf.clientSecret(), sf.refreshToken());
        var id = added(
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString());
        assertFileMatchesAndExampleIsValid(id, "salesforce-simulator.catalog.json", "salesforce-call-outcomes.yaml");
    }

    @Test
    void hubSpotCatalogFileIsWhatTheSimulatorDescribes() throws Exception {
        var hs = sims.hubSpot();
        var credentials = credentials("hs", hs.clientId(), hs.clientSecret(), hs.refreshToken());
        var id = added(
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--base-url",
                hs.baseUrl().toString(),
                "--credentials-file",
                credentials.toString());
        assertFileMatchesAndExampleIsValid(id, "hubspot-simulator.catalog.json", "hubspot-call-quality.yaml");
    }

    private void assertFileMatchesAndExampleIsValid(String integrationId, String catalogFile, String example)
            throws Exception {
        var described = CliRun.run(env, "integration", "describe", "--integration", integrationId, "--json");
        assertThat(described.exitCode()).as(described.err()).isZero();
        var committed = EXAMPLES.resolve(catalogFile);
        var actual = withoutReadFacts(JSON.readTree(described.out()));
        if (!Files.exists(committed) || !actual.equals(withoutReadFacts(JSON.readTree(Files.readString(committed))))) {
            var fresh = Path.of("target", "example-catalogs", catalogFile);
            Files.createDirectories(fresh.getParent());
            Files.writeString(
                    fresh,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(described.out())) + "\n");
            assertThat(committed).as("missing; review and copy " + fresh).exists();
            assertThat(actual)
                    .as(committed + " differs from what the simulator describes; review and copy " + fresh)
                    .isEqualTo(withoutReadFacts(JSON.readTree(Files.readString(committed))));
        }

        // The file as an operator uses it: `mapping validate --catalog FILE`, no database.
        var validated = CliRun.run(
                Map.of(),
                "mapping",
                "validate",
                EXAMPLES.resolve(example).toString(),
                "--catalog",
                committed.toString());
        assertThat(validated.exitCode()).as(validated.err()).isZero();
        assertThat(validated.err()).as("no warnings either").isEmpty();
        var stock = CliRun.run(
                Map.of(), "mapping", "validate", EXAMPLES.resolve(example).toString());
        assertThat(stock.exitCode()).as("the example needs the custom fields").isEqualTo(CliErrorHandler.FAILURE);
    }

    /** readAt and apiCalls say when and at what cost this read happened, not what the org has. */
    private static JsonNode withoutReadFacts(JsonNode catalog) {
        var copy = (ObjectNode) catalog.deepCopy();
        copy.remove("readAt");
        copy.remove("apiCalls");
        return copy;
    }

    private static String added(String... provider) {
        var args = new java.util.ArrayList<>(java.util.List.of("integration", "add", "--org", "examples"));
        args.addAll(java.util.List.of(provider));
        args.add("--json");
        var added = CliRun.run(env, args.toArray(String[]::new));
        assertThat(added.exitCode()).as(added.err()).isZero();
        return added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
    }

    private Path credentials(String name, String clientId, String clientSecret, String refreshToken) throws Exception {
        return Files.writeString(
                dir.resolve(name + ".properties"),
                "client_id=" + clientId + "\nclient_secret=" + clientSecret + "\nrefresh_token=" + refreshToken + "\n");
    }
}
