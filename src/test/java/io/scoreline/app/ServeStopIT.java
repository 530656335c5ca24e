package io.scoreline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.config.ShutdownSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real {@code serve} (and {@code demo}) process while its scheduled syncs run: it stops in the reverse
 * order of its start (ADR 0023), so the syncs finish against a database that is still there; it
 * exits 0 and prints one line, no ERROR and no stack trace.
 */
class ServeStopIT {

    @Test
    void sigtermDuringScheduledSyncsExitsZeroWithOneLine() throws Exception {
        var database = TestPostgres.freshDatabase();
        // A first sync reads 90 days of history: in flight for a second or more.
        try (var sims = Simulators.start(SimulatorOptions.defaults().withSeed(5).withVolume(4, 20))) {
            Map<String, String> environment;
            try (var server = ScorelineServer.start(database, Map.of())) {
                var organizationId = server.bean(OrganizationStore.class)
                        .create(NewOrganization.of("stopping", "Stopping", "Europe/Berlin", "monday"))
                        .id();
                var hs = sims.hubSpot();
                var integration = server.bean(IntegrationStore.class)
                        .add(NewIntegration.of(
                                organizationId,
                                CrmProvider.HUBSPOT,
                                new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                                Optional.empty(),
                                Optional.of(hs.baseUrl().toString()),
                                Optional.of(Long.toString(hs.portalId()))));
                server.bean(RuleSetStore.class)
                        .saveNewVersion(
                                organizationId,
                                integration.id(),
                                Files.readString(Path.of("mappings/hubspot.yaml")),
                                "test");
                environment = server.environment();
            }

            var out = Files.createTempFile("serve", ".out");
            var err = Files.createTempFile("serve", ".err");
            var serve = scoreline(environment, out, err, "serve", "--port", "0");
            try {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> runningSyncs(database) > 0);
                int linesBefore = Files.readAllLines(out).size();

                serve.destroy(); // SIGTERM

                boolean exited = serve.waitFor(150, TimeUnit.SECONDS);
                assertThat(exited)
                        .as(() -> "serve did not stop: " + read(out) + read(err))
                        .isTrue();
                var stdout = Files.readString(out, StandardCharsets.UTF_8);
                var stderr = Files.readString(err, StandardCharsets.UTF_8);
                assertThat(serve.exitValue()).as(stdout + stderr).isZero();
                assertThat(stdout + stderr)
                        .doesNotContain("ERROR")
                        .doesNotContain("Exception")
                        .doesNotContainPattern("\\n\\s+at ");
                assertThat(Files.readAllLines(out)
                                .subList(linesBefore, Files.readAllLines(out).size()))
                        .containsExactly("scoreline: stopped");
                assertThat(runningSyncs(database))
                        .as("the sync in flight finished before the database closed")
                        .isZero();
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void demoSigtermDuringItsScheduledSyncsExitsZeroWithItsClosingLine() throws Exception {
        var database = TestPostgres.freshDatabase();
        var environment = io.scoreline.testing.TestEnvironment.forDatabase(database);
        var out = Files.createTempFile("demo", ".out");
        var err = Files.createTempFile("demo", ".err");
        var demo = scoreline(
                environment,
                out,
                err,
                "demo",
                "--live-minutes",
                "3",
                "--reps",
                "2",
                "--days",
                "7",
                "--sync-every",
                "PT10S",
                "--port",
                "0");
        try {
            await().atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> read(out).contains("Live until") && runningSyncs(database) > 0);

            demo.destroy(); // SIGTERM

            boolean exited = demo.waitFor(150, TimeUnit.SECONDS);
            assertThat(exited)
                    .as(() -> "demo did not stop: " + read(out) + read(err))
                    .isTrue();
            var stdout = read(out);
            var stderr = read(err);
            assertThat(demo.exitValue()).as(stdout + stderr).isZero();
            assertThat(stdout + stderr)
                    .doesNotContain("ERROR")
                    .doesNotContain("Exception")
                    .doesNotContainPattern("\\n\\s+at ");
            assertThat(stdout.strip().lines().toList().getLast()).startsWith("Stopping: the data stays");
            assertThat(runningSyncs(database))
                    .as("the sync in flight finished before the database closed")
                    .isZero();
        } finally {
            demo.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long runningSyncs(io.scoreline.pipeline.database.DatabaseEndpoint database) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from sync_runs where status = 'running'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Process scoreline(Map<String, String> environment, Path out, Path err, String... args)
            throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Scoreline.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SCORELINE_"));
        builder.environment().putAll(environment);
        builder.environment().put(ScorelineConfig.SYNC_INTERVAL, "PT2S");
        // A loaded machine may need longer than the default for the sync in flight; the check is that it finishes.
        builder.environment().put(ShutdownSettings.SHUTDOWN_GRACE, "PT100S");
        return builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }
}
