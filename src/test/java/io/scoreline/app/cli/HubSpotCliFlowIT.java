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

/** What an operator types to connect a HubSpot portal, here the simulator, and read the result. */
class HubSpotCliFlowIT {

    private static RunningSimulators sims;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(23)
                .withVolume(3, 5)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void connectWithOAuthSyncUsersBackfillSyncAndRead() throws Exception {
        var hs = sims.hubSpot();
        var credentials = Files.createTempFile("hs", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        assertThat(CliRun.run(
                                env,
                                "org",
                                "create",
                                "--slug",
                                "hsflow",
                                "--name",
                                "HS Flow",
                                "--timezone",
                                "America/New_York")
                        .exitCode())
                .isZero();
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "hsflow",
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
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();

        var test = CliRun.run(env, "integration", "test", "--integration", id);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out())
                .contains("settings:   ok")
                .contains("connection: ok")
                .contains("portal " + hs.portalId());

        assertThat(CliRun.run(env, "mapping", "set", "--integration", id, "--file", "mappings/hubspot.yaml")
                        .exitCode())
                .isZero();
        var users = CliRun.run(env, "users", "sync", "--integration", id, "--create-profiles", "--json");
        assertThat(users.exitCode()).as(users.err()).isZero();
        assertThat(users.out()).matches("(?s).*\"profiles_created\":[1-9].*");

        var dryRun = CliRun.run(
                env,
                "backfill",
                "--integration",
                id,
                "--from",
                SimulatorOptions.defaults().effectiveLastDay().minusDays(4).toString(),
                "--to",
                SimulatorOptions.defaults().effectiveLastDay().toString(),
                "--dry-run",
                "--json");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("calls");

        var backfill = CliRun.run(
                env,
                "backfill",
                "--integration",
                id,
                "--from",
                SimulatorOptions.defaults().effectiveLastDay().minusDays(4).toString(),
                "--to",
                SimulatorOptions.defaults().effectiveLastDay().toString(),
                "--json");
        assertThat(backfill.exitCode()).as(backfill.err()).isZero();
        assertThat(backfill.out()).contains("\"status\":\"succeeded\"");

        var synced = CliRun.run(env, "sync", "--integration", id, "--json");
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("\"status\":\"succeeded\"");

        var kpis = CliRun.run(env, "kpi", "show", "--org", "hsflow", "--json");
        assertThat(kpis.outLines())
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "\\{\"profile\":\"[^\"]+@[^\"]+\",\"kpi\":\"[a-z_]+\",\"value\":[0-9.]+,\"unit\":\"[a-z]+\"}"));
        assertThat(kpis.out()).contains("\"kpi\":\"calls_made\"");
    }

    @Test
    void privateAppTokenFileWorksAndAMissingKeyIsNamed() throws Exception {
        var hs = sims.hubSpot();
        CliRun.run(env, "org", "create", "--slug", "hspat", "--name", "HS PAT", "--timezone", "UTC");
        var tokenFile = Files.writeString(
                Files.createTempFile("hs-pat", ".properties"), "access_token=" + hs.privateAppToken() + "\n");
        // The portal of the other test's integration, in the same database: shared on purpose (ADR 0021).
        var added = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "hspat",
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--base-url",
                hs.baseUrl().toString(),
                "--credentials-file",
                tokenFile.toString(),
                "--json",
                "--allow-shared-account");
        assertThat(added.exitCode()).as(added.err()).isZero();
        var id = added.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var test = CliRun.run(env, "integration", "test", "--integration", id);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("connection: ok");

        var noSecret = Files.writeString(
                Files.createTempFile("hs-oauth", ".properties"),
                "client_id=" + hs.clientId() + "\nrefresh_token=" + hs.refreshToken() + "\n");
        var refused = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "hspat",
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--credentials-file",
                noSecret.toString());
        assertThat(refused.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(refused.err()).contains("client_secret");

        var wrongSecret = Files.writeString(
                Files.createTempFile("hs-wrong", ".properties"),
                "client_id=" + hs.clientId() + "\nclient_secret=nope\nrefresh_token=" + hs.refreshToken() + "\n");
        var wrong = CliRun.run(
                env,
                "integration",
                "add",
                "--org",
                "hspat",
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--base-url",
                hs.baseUrl().toString(),
                "--credentials-file",
                wrongSecret.toString(),
                "--json",
                "--allow-shared-account");
        var wrongId = wrong.out().replaceAll("(?s).*\"id\":(\\d+).*", "$1").strip();
        var failed = CliRun.run(env, "integration", "test", "--integration", wrongId);
        assertThat(failed.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(failed.out()).as(failed.err()).contains("settings:   ok").contains("connection: auth");
    }
}
