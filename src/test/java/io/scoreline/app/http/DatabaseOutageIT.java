package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.app.background.BackgroundWorkSupervisor;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.hubspot.HubSpotSignature;
import io.scoreline.sim.hubspot.HubSpotWebhookEmitter;
import io.scoreline.sim.hubspot.HubSpotWebhookEvent;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a serving node and comes back (ADR 0023): killed with -9, then
 * stopped with a smart shutdown. Each time /health and the webhooks answer 503 at once with a clean
 * body, the node recovers by itself once PostgreSQL is started again on the same data and port,
 * and every event accepted before or after is processed.
 */
class DatabaseOutageIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path directory;

    private int port;
    private Path dataDirectory;

    @Test
    void aKilledAndAStoppedDatabaseAreAnswered503AndServingResumesWithoutLosingEvents() throws Exception {
        port = freePort();
        dataDirectory = directory.resolve("pg");
        var postgres = startPostgres();
        prepare(postgres);
        var database = new DatabaseEndpoint("jdbc:postgresql://localhost:" + port + "/scoreline", "scoreline", null);
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(23).withVolume(3, 6));
                var server = ScorelineServer.start(database, Map.of())) {
            var organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("outage", "Outage", ZONE.getId(), "monday"))
                    .id();
            HubSpotTestIntegration.connect(server, sims, organizationId);
            server.bean(BackgroundWorkSupervisor.class).start();
            var inbox = server.bean(InboxStore.class);
            var sent = new ArrayList<HubSpotWebhookEvent>();

            sent.addAll(deliver(server, sims, changeCalls(sims, 0)));
            await().atMost(Duration.ofSeconds(60)).until(() -> allDone(inbox, organizationId, sent.size()));

            killPostmaster();
            expectUnavailable(server, sims);
            postgres.close(); // releases its lock on the data directory; its pg_ctl stop has nothing left to stop
            postgres = startPostgres();
            expectAvailable(server);
            sent.addAll(deliver(server, sims, changeCalls(sims, 4)));

            var stopped = smartShutdown();
            expectUnavailable(server, sims);
            // The node let go of its sessions, so the server could finish its smart shutdown.
            await().atMost(Duration.ofSeconds(30)).until(() -> !stopped.isAlive());
            postgres.close();
            postgres = startPostgres();
            expectAvailable(server);
            sent.addAll(deliver(server, sims, changeCalls(sims, 8)));

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                var rows = events(inbox, organizationId);
                assertThat(rows).hasSize(sent.size());
                assertThat(rows)
                        .allSatisfy(e -> assertThat(e.status())
                                .as(e.dedupeKey() + " " + e.lastError().orElse(""))
                                .isEqualTo(InboxStatus.DONE));
            });
            server.bean(BackgroundWorkSupervisor.class).stop();
        } finally {
            postgres.close();
        }
    }

    private static void expectUnavailable(ScorelineServer server, RunningSimulators sims) {
        // Seconds, not the 35 s a smart shutdown used to take: an answer is at most 1 s old and its
        // check gives up after 2 s; the rest is room for a loaded machine.
        await().atMost(Duration.ofSeconds(15)).until(() -> server.get("/health").statusCode() == 503);
        assertThat(server.get("/health").body())
                .contains("\"status\":\"DOWN\"")
                .doesNotContain("localhost")
                .doesNotContain("scoreline-runtime");
        var body = "[{\"eventId\":1,\"subscriptionId\":1,\"portalId\":"
                + sims.hubSpot().portalId() + ",\"appId\":1,\"occurredAt\":" + System.currentTimeMillis()
                + ",\"subscriptionType\":\"object.creation\",\"objectTypeId\":\"0-48\",\"objectId\":1}]";
        long timestamp = System.currentTimeMillis();
        var response = server.post(
                "/webhooks/hubspot",
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Content-Type", "application/json",
                        "X-HubSpot-Signature-v3",
                                HubSpotSignature.v3(
                                        sims.hubSpot().clientSecret(),
                                        "POST",
                                        server.uri("/webhooks/hubspot").toString(),
                                        body,
                                        timestamp),
                        "X-HubSpot-Request-Timestamp", Long.toString(timestamp)));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body().strip()).isEqualTo("unavailable: the database is not reachable; retry later");
    }

    private static void expectAvailable(ScorelineServer server) {
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/health").statusCode() == 200);
    }

    /** Delivers the changes' webhooks as HubSpot would, retrying what is refused; all must be accepted. */
    private static List<HubSpotWebhookEvent> deliver(
            ScorelineServer server, RunningSimulators sims, List<RecordChange> changes) {
        var events = new ArrayList<HubSpotWebhookEvent>();
        var webhookEvents = sims.hubSpotSimulator().webhookEvents(ZONE, Clock.systemUTC());
        changes.forEach(change -> events.addAll(webhookEvents.of(change)));
        assertThat(events).isNotEmpty();
        try (var emitter = new HubSpotWebhookEmitter(
                server.uri("/webhooks/hubspot"),
                sims.hubSpot().clientSecret(),
                Clock.systemUTC(),
                new RetrySchedule(5, Duration.ofMillis(200), Duration.ofSeconds(2)))) {
            assertThat(emitter.send(events).join())
                    .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
        }
        return events;
    }

    private static List<RecordChange> changeCalls(RunningSimulators sims, int skip) {
        var changes = new CopyOnWriteArrayList<RecordChange>();
        var dataset = sims.dataset();
        dataset.onChange(changes::add);
        var now = Instant.now().plusSeconds(5);
        dataset.stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted())
                .skip(skip)
                .limit(4)
                .toList()
                .forEach(a -> {
                    var call = (Activity.Call) a;
                    dataset.update(new Activity.Call(
                            call.meta().modified(now),
                            call.subject(),
                            call.outbound(),
                            call.durationSeconds() + 60,
                            CallOutcome.CONNECTED));
                });
        return List.copyOf(changes);
    }

    private static boolean allDone(InboxStore inbox, long organizationId, int events) {
        var rows = events(inbox, organizationId);
        return rows.size() == events && rows.stream().allMatch(e -> e.status() == InboxStatus.DONE);
    }

    private static List<io.scoreline.pipeline.inbox.InboxEntry> events(InboxStore inbox, long organizationId) {
        return inbox.list(organizationId, Optional.empty(), 10_000).stream()
                .filter(e -> !e.eventType().equals(InboxEvent.VERIFY))
                .toList();
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The library's test default is off: a kill -9 would lose the last commits, acknowledged
                // webhooks among them. This test is about serving through the outage, not about that.
                .setServerConfig("synchronous_commit", "on")
                .setOverrideWorkingDirectory(
                        TestPostgres.testHome().resolve("pg-binaries").toFile())
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("postgresql.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("postgresql.log").toFile()))
                .start();
    }

    /** The roles and database the embedded server would prepare; this test's server is its own. */
    private static void prepare(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create role scoreline login nosuperuser nobypassrls");
            statement.execute("create role scoreline_app nologin nosuperuser nobypassrls noinherit");
            statement.execute("grant scoreline_app to scoreline with inherit false, set true");
            statement.execute("create database scoreline owner scoreline");
        }
    }

    /** kill -9 of the postmaster and every backend at once, as a crash would leave them. */
    private void killPostmaster() throws IOException {
        var postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                        .getFirst()
                        .strip()))
                .orElseThrow();
        var all = new ArrayList<ProcessHandle>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(10)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** SIGTERM to the postmaster: PostgreSQL's smart shutdown, which waits for the sessions to end. */
    private ProcessHandle smartShutdown() throws IOException {
        var postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                        .getFirst()
                        .strip()))
                .orElseThrow();
        postmaster.destroy();
        return postmaster;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
