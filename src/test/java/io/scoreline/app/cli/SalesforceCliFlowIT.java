package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator types to connect a Salesforce org, here the simulator, and read the result. */
class SalesforceCliFlowIT {

    private static RunningSimulators sims;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(21)
                .withVolume(3, 5)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void connectTestMapSyncAndRead() throws Exception {
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        assertThat(CliRun.run(
                                env,
                                "org",
                                "create",
                                "--slug",
                                "flow",
                                "--name",
                                "Flow",
                                "--timezone",
                                "America/New_York")
                        .exitCode())
                .isZero();
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "flow",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();

        var test = CliRun.run(env, "integration", "test", "--integration", id);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("settings:   ok").contains("connection: ok");

        var noRules = CliRun.run(env, "sync", "--integration", id);
        assertThat(noRules.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(noRules.out()).contains("failed").contains("has no mapping rules");

        assertThat(CliRun.run(env, "mapping", "set", "--integration", id, "--file", "mappings/salesforce.yaml")
                        .exitCode())
                .isZero();
        var users = CliRun.run(env, "users", "sync", "--integration", id, "--create-profiles", "--json");
        assertThat(users.out()).contains("\"profiles_created\":");

        var synced = CliRun.run(env, "sync", "--integration", id, "--json");
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("\"status\":\"succeeded\"");

        var runs = CliRun.run(env, "runs", "--integration", id, "--json", "--limit", "2");
        assertThat(runs.outLines()).hasSize(2);
        assertThat(runs.outLines().getFirst())
                .contains("\"status\":\"succeeded\"")
                .contains("\"trigger\":\"manual\"");
        assertThat(runs.outLines().get(1)).contains("\"status\":\"failed\"").contains("\"error_kind\":\"bad_input\"");

        var kpis = CliRun.run(env, "kpi", "show", "--org", "flow", "--json");
        assertThat(kpis.outLines())
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "\\{\"profile\":\"[^\"]+@[^\"]+\",\"kpi\":\"[a-z_]+\",\"value\":[0-9.]+,\"unit\":\"[a-z]+\"}"));
        assertThat(kpis.out()).contains("\"kpi\":\"calls_made\"");

        var byDay = CliRun.run(env, "kpi", "show", "--org", "flow", "--by-day", "--json");
        assertThat(byDay.outLines().size()).isGreaterThan(kpis.outLines().size());
        assertThat(byDay.outLines().getFirst()).contains("\"date\":\"");

        // A rule change takes effect on history through remap, without API calls.
        var callsOnly = Files.writeString(
                Files.createTempFile("calls", ".yaml"),
                "provider: salesforce\nkpis:\n  calls_made:\n    object: Task\n    when: TaskSubtype = 'Call'\n");
        assertThat(CliRun.run(env, "mapping", "set", "--integration", id, "--file", callsOnly.toString())
                        .exitCode())
                .isZero();
        var remap = CliRun.run(env, "remap", "--integration", id, "--json");
        assertThat(remap.exitCode()).as(remap.err()).isZero();
        assertThat(remap.out()).contains("\"status\":\"succeeded\"");
        var afterRemap = CliRun.run(env, "kpi", "show", "--org", "flow", "--json");
        assertThat(afterRemap.outLines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"kpi\":\"calls_made\""));
        assertThat(afterRemap.out())
                .isEqualTo(kpis.outLines().stream()
                        .filter(l -> l.contains("\"kpi\":\"calls_made\""))
                        .map(l -> l + "\n")
                        .reduce("", String::concat));

        var badWindow = CliRun.run(env, "kpi", "show", "--org", "flow", "--from", "2026-02-30");
        assertThat(badWindow.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(badWindow.err()).contains("--from must be a date as YYYY-MM-DD");
    }

    @Test
    void wrongCredentialsAreReportedAsAConnectionFailure() throws Exception {
        CliRun.run(env, "org", "create", "--slug", "wrong", "--name", "Wrong", "--timezone", "UTC");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "wrong",
                "--provider",
                "salesforce",
                "--login-url",
                sims.salesforce().loginUrl().toString(),
                "--client-id",
                sims.salesforce().clientId(),
                "--client-secret",
                "nope",
                "--refresh-token",
                "not-a-token",
                "--json");
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var test = CliRun.run(env, "integration", "test", "--integration", id);
        assertThat(test.exitCode()).as(test.err()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(test.out()).as(test.err()).contains("settings:   ok").contains("connection: auth");
    }

    @Test
    void jwtBearerLoginWithTheAppsKeyConnectsAndAForeignKeyIsRefusedWithItsCause() throws Exception {
        var sf = sims.salesforce();
        var key = Files.writeString(Files.createTempFile("jwt", ".pem"), sf.jwtPrivateKeyPem());
        var credentials = Files.writeString(
                Files.createTempFile("sf-jwt", ".properties"),
                "client_id=" + sf.clientId() + "\nusername=" + sf.username() + "\nprivate_key_file=" + key + "\n");
        CliRun.run(env, "org", "create", "--slug", "jwt", "--name", "Jwt", "--timezone", "UTC");
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "jwt",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var test = CliRun.run(env, "integration", "test", "--integration", id);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("settings:   ok").contains("connection: ok");

        // Another seed's key: a well-formed assertion the connected app's certificate does not verify.
        var foreign = io.scoreline.sim.salesforce.JwtSigningKeys.privateKeyPem(
                io.scoreline.sim.salesforce.JwtSigningKeys.forSeed(999));
        var inline = Files.writeString(
                Files.createTempFile("sf-jwt-bad", ".properties"),
                "client_id=" + sf.clientId() + "\njwt_username=" + sf.username() + "\nprivate_key="
                        + foreign.replace("\n", "\\n") + "\n");
        var badAdded = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "jwt",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                inline.toString(),
                "--json");
        assertThat(badAdded.exitCode()).as(badAdded.err()).isZero();
        var badId = badAdded.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var refused = CliRun.run(env, "integration", "test", "--integration", badId);
        assertThat(refused.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(refused.out())
                .contains("settings:   ok")
                .contains("connection: auth")
                .contains("invalid assertion")
                .contains("must match the certificate uploaded to the connected app");
    }
}
