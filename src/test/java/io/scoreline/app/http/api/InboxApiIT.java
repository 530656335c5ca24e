package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.config.WebhookSettings;
import io.scoreline.app.http.HubSpotTestIntegration;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.hubspot.HubSpotWebhookEmitter;
import io.scoreline.sim.hubspot.HubSpotWebhookEvent;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook inbox through the API against the real server, HubSpot simulator and inbox: events
 * the connector refuses are parked as failed (as in PoisonedWebhookBatchIT), listed and replayed
 * through the API as through {@code inbox --json}; another organization's events and integrations
 * are 404, read keys may not replay, and bad parameters name themselves.
 */
class InboxApiIT {

    private static final long FIRST_BAD = -7;
    private static final long SECOND_BAD = -8;

    private static RunningSimulators sims;
    private static ScorelineServer server;
    private static String readKey;
    private static String writeKey;
    private static long writeKeyId;
    private static long organizationId;
    private static long integrationId;
    private static long firstBad;
    private static long secondBad;
    private static long otherEvent;
    private static long otherIntegration;
    private static long otherOrganization;

    @BeforeAll
    static void start() throws Exception {
        // Values off: every event reads its record back, so a refused record id fails the event.
        sims = Simulators.start(SimulatorOptions.defaults().withSeed(57).withVolume(3, 6));
        server = ScorelineServer.start(Map.of(WebhookSettings.APPLY_VALUES, "false"));
        organizationId = lastJson(cli(
                        "org",
                        "create",
                        "--slug",
                        "poison",
                        "--name",
                        "Poison",
                        "--timezone",
                        "America/New_York",
                        "--json"))
                .get("id")
                .asLong();
        otherOrganization = lastJson(cli(
                        "org",
                        "create",
                        "--slug",
                        "globex",
                        "--name",
                        "Globex",
                        "--timezone",
                        "Europe/Paris",
                        "--json"))
                .get("id")
                .asLong();
        readKey = lastJson(cli("apikey", "create", "--org", "poison", "--name", "r", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        var write = lastJson(cli("apikey", "create", "--org", "poison", "--name", "w", "--scopes", "write", "--json"));
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();

        integrationId = HubSpotTestIntegration.connect(server, sims, organizationId);
        var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
        assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        var credentials = sims.hubSpotSimulator().credentials();
        var now = Instant.now();
        var events = List.of(bad(9_999_001, FIRST_BAD, credentials, now), bad(9_999_002, SECOND_BAD, credentials, now));
        try (var emitter = new HubSpotWebhookEmitter(
                server.uri("/webhooks/hubspot"),
                sims.hubSpot().clientSecret(),
                Clock.systemUTC(),
                new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
            assertThat(emitter.send(events).join())
                    .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
        }
        server.bean(InboxWorkers.class).drain();
        var stored = server.bean(InboxStore.class).list(organizationId, Optional.empty(), 100);
        firstBad = stored.stream()
                .filter(e -> e.recordId().equals(Long.toString(FIRST_BAD)))
                .findFirst()
                .orElseThrow()
                .id();
        secondBad = stored.stream()
                .filter(e -> e.recordId().equals(Long.toString(SECOND_BAD)))
                .findFirst()
                .orElseThrow()
                .id();

        // Another organization's integration (a row only: it is never called) and a parked event of it.
        otherIntegration = server.bean(IntegrationStore.class)
                .add(NewIntegration.of(
                        otherOrganization,
                        CrmProvider.HUBSPOT,
                        new CrmCredentials.RefreshToken("id", "secret", "token"),
                        Optional.empty(),
                        Optional.of("http://127.0.0.1:9"),
                        Optional.of("4242")))
                .id();
        server.bean(InboxStore.class)
                .insert(
                        otherOrganization,
                        otherIntegration,
                        List.of(new InboxEvent(
                                CrmProvider.HUBSPOT,
                                "other:1",
                                Optional.of("calls"),
                                "1",
                                "object.creation",
                                Optional.empty(),
                                "{}")),
                        now,
                        now.plus(Duration.ofDays(1)));
        otherEvent = server.bean(TenantTransactions.class)
                .inOrganization(
                        otherOrganization,
                        tx -> tx.fetchOne(
                                        "update webhook_inbox set status = 'failed', attempts = 1, last_error = 'parked'"
                                                + " where organization_id = ? returning id",
                                        otherOrganization)
                                .get(0, Long.class));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sims.close();
    }

    private static HubSpotWebhookEvent bad(
            long eventId, long objectId, io.scoreline.sim.hubspot.HubSpotCredentials credentials, Instant now) {
        return new HubSpotWebhookEvent(
                eventId,
                200_100,
                credentials.portalId(),
                credentials.appId(),
                now.toEpochMilli(),
                "object.creation",
                objectId,
                "0-48",
                null,
                null,
                null,
                null);
    }

    @Test
    void theFailedEventsListedAsTheCliListsThem() throws Exception {
        var api = items(get("/api/v1/inbox?status=failed", readKey));
        var cli = cli("inbox", "--org", "poison", "--status", "failed", "--json").outLines().stream()
                .map(InboxApiIT::json)
                .toList();
        assertThat(api).hasSize(2);
        assertSameFields(api, cli);
        assertThat(api).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("failed");
            assertThat(e.get("last_error").asText()).startsWith("BAD_INPUT: ");
            assertThat(e.get("integration").asLong()).isEqualTo(integrationId);
        });

        var one = get("/api/v1/inbox/" + firstBad, readKey);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertSameFields(
                List.of(json(one.body())),
                api.stream().filter(e -> e.get("id").asLong() == firstBad).toList());

        // Pages of one follow next to the end, newest first, and the last says so.
        var paged = new ArrayList<JsonNode>();
        String after = null;
        do {
            var page = json(get(
                            "/api/v1/inbox?integration_id=" + integrationId + "&limit=1"
                                    + (after == null ? "" : "&after=" + after),
                            readKey)
                    .body());
            page.get("items").forEach(paged::add);
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertSameFields(paged, items(get("/api/v1/inbox?integration_id=" + integrationId, readKey)));
        assertThat(paged.stream().map(e -> e.get("id").asLong()).toList())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void aReplayThroughTheApiEndsAsTheCliReplayEnds() throws Exception {
        var byCli = json(cli("inbox", "--org", "poison", "--replay", Long.toString(firstBad), "--json")
                .outLines()
                .getLast());
        var response = send("POST", "/api/v1/inbox/" + firstBad + "/replay", writeKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var byApi = json(response.body());
        assertSameFields(List.of(byApi), List.of(byCli));
        assertThat(byApi.get("status").asText())
                .as("the connector refuses the record again")
                .isEqualTo("failed");
        assertThat(byApi.get("attempts").asInt())
                .as("replayed with fresh attempts")
                .isEqualTo(1);

        var all = send("POST", "/api/v1/integrations/" + integrationId + "/inbox/replay", writeKey);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        var replayed = new ArrayList<JsonNode>();
        json(all.body()).forEach(replayed::add);
        assertThat(replayed.stream().map(e -> e.get("id").asLong()).toList())
                .containsExactlyInAnyOrder(firstBad, secondBad);
        assertThat(replayed)
                .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("failed"));

        var audit = server.bean(TenantTransactions.class)
                .inOrganization(
                        organizationId,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.TARGET)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ACTION.eq("inbox.replay"))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch(r -> r.value1() + " " + r.value2()));
        assertThat(audit)
                .containsSubsequence(
                        "api_key:" + writeKeyId + " inbox_event:" + firstBad,
                        "api_key:" + writeKeyId + " integration:" + integrationId);
    }

    @Test
    void onlyFailedEventsAreReplayed() throws Exception {
        var now = Instant.now();
        server.bean(InboxStore.class)
                .insert(
                        organizationId,
                        integrationId,
                        List.of(new InboxEvent(
                                CrmProvider.HUBSPOT,
                                "waiting:1",
                                Optional.of("calls"),
                                "1",
                                "object.creation",
                                Optional.empty(),
                                "{}")),
                        now,
                        now.plus(Duration.ofDays(1)));
        var waiting = items(get("/api/v1/inbox?status=pending", readKey));
        assertThat(waiting).hasSize(1);
        var refused =
                send("POST", "/api/v1/inbox/" + waiting.getFirst().get("id").asLong() + "/replay", writeKey);
        assertError(refused, 409, null);
    }

    @Test
    void anotherOrganizationsEventsAndIntegrationsAreNotFound() throws Exception {
        assertError(get("/api/v1/inbox/" + otherEvent, readKey), 404, null);
        assertError(send("POST", "/api/v1/inbox/" + otherEvent + "/replay", writeKey), 404, null);
        assertError(send("POST", "/api/v1/integrations/" + otherIntegration + "/inbox/replay", writeKey), 404, null);
        assertError(get("/api/v1/inbox?integration_id=" + otherIntegration, readKey), 404, null);
        assertThat(items(get("/api/v1/inbox", readKey)))
                .noneMatch(e -> e.get("id").asLong() == otherEvent);
        var other = server.bean(TenantTransactions.class)
                .inOrganization(
                        otherOrganization,
                        tx -> tx.fetchOne(
                                        "select status || ' ' || attempts from webhook_inbox where id = ?", otherEvent)
                                .get(0, String.class));
        assertThat(other).as("untouched").isEqualTo("failed 1");
        assertError(get("/api/v1/inbox/999999999", readKey), 404, null);
    }

    @Test
    void readKeysMayNotReplayAndBadParametersNameThemselves() throws Exception {
        assertError(send("POST", "/api/v1/inbox/" + firstBad + "/replay", readKey), 403, null);
        assertError(send("POST", "/api/v1/integrations/" + integrationId + "/inbox/replay", readKey), 403, null);
        assertError(get("/api/v1/inbox?status=broken", readKey), 422, "status");
        assertError(get("/api/v1/inbox?integration_id=first", readKey), 422, "integration_id");
        assertError(get("/api/v1/inbox?integration_id=0", readKey), 422, "integration_id");
        assertError(get("/api/v1/inbox?after=bm9wZQ", readKey), 422, "after");
        assertError(get("/api/v1/inbox?limit=0", readKey), 422, "limit");
        assertThat(send("GET", "/api/v1/inbox", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/inbox/first", readKey).statusCode()).isBetween(400, 422);
    }

    /** Every field the CLI prints, equal in the API's answer, item by item. */
    private static void assertSameFields(List<JsonNode> api, List<JsonNode> cli) {
        assertThat(api).hasSameSizeAs(cli);
        for (int i = 0; i < cli.size(); i++) {
            var names = new ArrayList<String>();
            cli.get(i).fieldNames().forEachRemaining(names::add);
            assertThat(names).contains("id", "status", "attempts", "last_error", "received_at", "record_id");
            var apiNames = new ArrayList<String>();
            api.get(i).fieldNames().forEachRemaining(apiNames::add);
            assertThat(apiNames).containsExactlyInAnyOrderElementsOf(names);
            for (var name : names) {
                assertThat(api.get(i).get(name))
                        .as(name + " of " + cli.get(i))
                        .isEqualTo(cli.get(i).get(name));
            }
        }
    }

    private static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        json(response.body()).get("items").forEach(items::add);
        return items;
    }

    private static JsonNode json(String text) {
        return ApiClient.json(text);
    }

    private static void assertError(HttpResponse<String> response, int status, String field) {
        ApiClient.assertProblem(response, status, field);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode lastJson(CliRun run) {
        return run.lastJson();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return send("GET", path, key);
    }

    private static HttpResponse<String> send(String method, String path, String key) {
        return new ApiClient(server).send(method, path, null, key);
    }
}
