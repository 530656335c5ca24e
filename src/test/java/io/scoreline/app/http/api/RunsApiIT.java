package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.RunLockAttempt;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs through the admin API against the real server and the Salesforce simulator: a sync, a
 * backfill and a remap started with 202 and polled at their {@code Location} until they end, with
 * the counters the CLI's {@code runs --json} shows; dry runs that start nothing and say what the
 * CLI's dry runs say; a second start refused while a run holds the integration; bad input on each
 * endpoint; another organization's ids not found; a read key refused on the starts.
 */
class RunsApiIT {

    // Yesterday where the simulated reps work (New York): a UTC date would hold records still in the future just after
    // midnight UTC.
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();
    private static final List<String> CLI_FIELDS = List.of(
            "run",
            "integration",
            "trigger",
            "status",
            "window_from",
            "window_to",
            "started_at",
            "finished_at",
            "records_read",
            "facts_changed",
            "api_calls",
            "error_kind",
            "error_message",
            "integration_status");

    private static RunningSimulators sims;
    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static String writeKey;
    private static long writeKeyId;
    private static String readKey;
    private static String globexKey;
    private static long acme;
    private static long acmeIntegration;
    private static long acmeSpare;
    private static long globexIntegration;

    @BeforeAll
    static void start() throws Exception {
        sims = Simulators.start(
                SimulatorOptions.defaults().withSeed(21).withVolume(3, 5).withLastDay(LAST_DAY));
        database = TestPostgres.freshDatabase();
        server = ScorelineServer.start(database, Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "America/New_York");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "Europe/Berlin");
        acmeIntegration = integration("acme");
        acmeSpare = integration("acme");
        globexIntegration = integration("globex");
        var write = lastJson(cli("apikey", "create", "--org", "acme", "--name", "ops", "--scopes", "write", "--json"));
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();
        readKey = lastJson(cli("apikey", "create", "--org", "acme", "--name", "app", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        globexKey = lastJson(cli("apikey", "create", "--org", "globex", "--name", "ops", "--scopes", "write", "--json"))
                .get("key")
                .asText();
        acme = ApiClient.json(
                        send("GET", "/api/v1/organization", writeKey, null).body())
                .get("id")
                .asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
        sims.close();
    }

    @Test
    void aSyncABackfillAndARemapRunInTheBackgroundAndShowWhatTheCliShows() throws Exception {
        var sync = send("POST", "/api/v1/integrations/" + acmeIntegration + "/sync", writeKey, null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
        long syncRun = ApiClient.json(sync.body()).get("run_id").asLong();
        assertThat(sync.headers().firstValue("Location")).contains("/api/v1/runs/" + syncRun);
        assertThat(ApiClient.json(sync.body()).get("trigger").asText()).isEqualTo("manual");
        // The run exists when the 202 answers, whatever it has done since.
        assertThat(send("GET", "/api/v1/runs/" + syncRun, readKey, null).statusCode())
                .isEqualTo(200);
        assertThat(finished(sync).get("status").asText()).isEqualTo("succeeded");

        var backfill = send(
                "POST",
                "/api/v1/integrations/" + acmeIntegration + "/backfill",
                writeKey,
                "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\"}");
        assertThat(backfill.statusCode()).as(backfill.body()).isEqualTo(202);
        var backfilled = finished(backfill);
        assertThat(backfilled.get("status").asText()).as(backfilled.toString()).isEqualTo("succeeded");
        assertThat(backfilled.get("trigger").asText()).isEqualTo("backfill");
        assertThat(backfilled.get("records_read").asLong()).isPositive();
        assertThat(backfilled.get("api_calls").asInt()).isPositive();
        assertThat(backfilled.get("progress").isNull())
                .as("no progress once ended")
                .isTrue();
        assertThat(backfilled.get("interrupted").asBoolean()).isFalse();

        var remap = send("POST", "/api/v1/integrations/" + acmeIntegration + "/remap", writeKey, "{}");
        assertThat(remap.statusCode()).as(remap.body()).isEqualTo(202);
        var remapped = finished(remap);
        assertThat(remapped.get("status").asText()).as(remapped.toString()).isEqualTo("succeeded");
        assertThat(remapped.get("trigger").asText()).isEqualTo("remap");
        assertThat(remapped.get("records_read").asLong())
                .as("every stored record re-derived")
                .isPositive();

        var cli = cli("runs", "--integration", Long.toString(acmeIntegration), "--json", "--limit", "100")
                .outLines();
        var api = ApiClient.json(send("GET", "/api/v1/runs?integration_id=" + acmeIntegration, readKey, null)
                        .body())
                .get("items");
        assertThat(api).hasSize(cli.size()).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < cli.size(); i++) {
            var line = ApiClient.json(cli.get(i));
            for (var field : CLI_FIELDS) {
                assertThat(api.get(i).get(field))
                        .as("run %s field %s", line.get("run"), field)
                        .isEqualTo(line.get(field));
            }
        }
        var shown = ApiClient.json(
                send("GET", "/api/v1/runs/" + syncRun, readKey, null).body());
        var inCli = cli.stream()
                .map(RunsApiIT::json)
                .filter(line -> line.get("run").asLong() == syncRun)
                .findFirst()
                .orElseThrow();
        for (var field : CLI_FIELDS) {
            assertThat(shown.get(field)).as(field).isEqualTo(inCli.get(field));
        }

        assertThat(audit())
                .contains("api_key:" + writeKeyId + " run.sync integration:" + acmeIntegration + " {\"run\": " + syncRun
                        + "}")
                .anySatisfy(row -> assertThat(row)
                        .startsWith("api_key:" + writeKeyId + " run.backfill integration:" + acmeIntegration)
                        .contains("\"from\": \"" + firstDay() + "\"")
                        .contains("\"run\": "
                                + ApiClient.json(backfill.body()).get("run_id").asLong()))
                .anySatisfy(row -> assertThat(row)
                        .startsWith("api_key:" + writeKeyId + " run.remap integration:" + acmeIntegration));
    }

    @Test
    void dryRunsAnswerTheCliEstimateAndStartNoRun() throws Exception {
        int before = runs(acmeIntegration).size();
        var plan = send(
                "POST",
                "/api/v1/integrations/" + acmeIntegration + "/backfill",
                writeKey,
                "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\",\"dry_run\":true}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        var body = ApiClient.json(plan.body());
        var cli = cli(
                        "backfill",
                        "--integration",
                        Long.toString(acmeIntegration),
                        "--from",
                        firstDay().toString(),
                        "--to",
                        LAST_DAY.toString(),
                        "--dry-run",
                        "--json")
                .outLines();
        assertThat(body.get("objects")).hasSize(cli.size()).isNotEmpty();
        long records = 0;
        for (int i = 0; i < cli.size(); i++) {
            assertThat(body.get("objects").get(i)).isEqualTo(json(cli.get(i)));
            records += body.get("objects").get(i).get("records").asLong();
        }
        assertThat(body.get("records").asLong()).isEqualTo(records).isPositive();
        assertThat(body.get("objects").get(0).get("read").asText()).isIn("rest", "bulk");

        var one = ApiClient.json(send(
                                "POST",
                                "/api/v1/integrations/" + acmeIntegration + "/backfill",
                                writeKey,
                                "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY
                                        + "\",\"objects\":[\"Task\"],\"dry_run\":true}")
                        .body())
                .get("objects");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("object").asText()).isEqualTo("Task");

        var remapPlan =
                send("POST", "/api/v1/integrations/" + acmeIntegration + "/remap", writeKey, "{\"dry_run\":true}");
        assertThat(remapPlan.statusCode()).as(remapPlan.body()).isEqualTo(200);
        assertThat(ApiClient.json(remapPlan.body()).get("dry_run").asBoolean()).isTrue();
        assertThat(ApiClient.json(remapPlan.body()).has("api_calls")).isTrue();

        assertThat(runs(acmeIntegration)).hasSize(before);
    }

    @Test
    void aSecondStartWhileARunHoldsTheIntegrationIsAConflictNamingThatRun() throws Exception {
        var locks = server.bean(IntegrationRunLocks.class);
        var store = server.bean(SyncRunStore.class);
        long held;
        var attempt = locks.tryAcquire(acmeSpare);
        assertThat(attempt).isInstanceOf(RunLockAttempt.Acquired.class);
        try (var lock = ((RunLockAttempt.Acquired) attempt).lock()) {
            // Another process's run (a CLI sync, say): its lock and its row.
            held = store.start(acme, acmeSpare, SyncTrigger.MANUAL, Optional.empty(), Optional.empty());
            for (var start : List.of(
                    new String[] {"sync", null},
                    new String[] {"backfill", "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\"}"},
                    new String[] {"remap", "{}"})) {
                var refused = send("POST", "/api/v1/integrations/" + acmeSpare + "/" + start[0], writeKey, start[1]);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertError(refused, "conflict", null);
                assertThat(ApiClient.json(refused.body())
                                .get("error")
                                .get("message")
                                .asText())
                        .contains("run " + held);
            }
            var running = ApiClient.json(
                    send("GET", "/api/v1/runs/" + held, readKey, null).body());
            assertThat(running.get("status").asText()).isEqualTo("running");
            assertThat(running.get("interrupted").asBoolean()).isFalse();
        }
        // Its process gone (the lock with it), the row still says running: the API says interrupted.
        var interrupted = ApiClient.json(
                send("GET", "/api/v1/runs/" + held, readKey, null).body());
        assertThat(interrupted.get("status").asText()).isEqualTo("running");
        assertThat(interrupted.get("interrupted").asBoolean()).isTrue();
        var listed = ApiClient.json(
                        send("GET", "/api/v1/runs?status=running&integration_id=" + acmeSpare, readKey, null)
                                .body())
                .get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("interrupted").asBoolean()).isTrue();
        // And a new start is not held up by the dead run's row.
        var sync = send("POST", "/api/v1/integrations/" + acmeSpare + "/sync", writeKey, null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
        finished(sync);
        store.finish(acme, held, SyncStatus.FAILED, Optional.of("bug"), Optional.of("ended by the test"));
    }

    @Test
    void badInputOnEachEndpointNamesTheField() throws Exception {
        var backfill = "/api/v1/integrations/" + acmeIntegration + "/backfill";
        assertField(send("POST", backfill, writeKey, "{\"from\":\"2026-02-30\",\"to\":\"2026-03-01\"}"), "from");
        assertField(send("POST", backfill, writeKey, "{\"from\":\"2026-03-01\",\"to\":\"March\"}"), "to");
        assertField(send("POST", backfill, writeKey, "{\"from\":\"2026-03-02\",\"to\":\"2026-03-01\"}"), "to");
        assertField(send("POST", backfill, writeKey, "{\"to\":\"2026-03-01\"}"), "from");
        assertField(
                send(
                        "POST",
                        backfill,
                        writeKey,
                        "{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\",\"objects\":[\"Lead\"],\"dry_run\":true}"),
                "objects");
        assertField(
                send("POST", backfill, writeKey, "{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\",\"dry_run\":\"yes\"}"),
                "dry_run");
        assertField(
                send("POST", backfill, writeKey, "{\"from\":\"2026-03-01\",\"to\":\"2026-03-02\",\"until\":1}"),
                "until");
        var badJson = send("POST", backfill, writeKey, "{\"from\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertError(badJson, "invalid_json", null);

        var remap = "/api/v1/integrations/" + acmeIntegration + "/remap";
        assertField(send("POST", remap, writeKey, "{\"from\":\"yesterday\"}"), "from");
        assertField(send("POST", remap, writeKey, "{\"resume\":1,\"dry_run\":true}"), "resume");
        assertField(send("POST", remap, writeKey, "{\"resume\":\"one\"}"), "resume");
        assertField(send("POST", remap, writeKey, "{\"dry_run\":true,\"offline\":true}"), "offline");
        assertField(send("POST", remap, writeKey, "{\"since\":\"2026-01-01\"}"), "since");
        assertThat(send("POST", remap, writeKey, "[]").statusCode()).isEqualTo(422);

        assertField(send("GET", "/api/v1/runs?kind=nightly", readKey, null), "kind");
        assertField(send("GET", "/api/v1/runs?status=done", readKey, null), "status");
        assertField(send("GET", "/api/v1/runs?integration_id=x", readKey, null), "integration_id");
        assertField(send("GET", "/api/v1/runs?limit=0", readKey, null), "limit");
        assertField(send("GET", "/api/v1/runs?after=abc", readKey, null), "after");
        assertThat(send("GET", "/api/v1/runs/abc", readKey, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/runs/99999999", readKey, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/integrations/99999999/sync", writeKey, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherOrganizationsIntegrationsAndRunsAreNotFound() throws Exception {
        var sync = send("POST", "/api/v1/integrations/" + globexIntegration + "/sync", globexKey, null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
        long globexRun = ApiClient.json(sync.body()).get("run_id").asLong();
        finished(sync, globexKey);

        assertNotFound(send("GET", "/api/v1/runs/" + globexRun, writeKey, null));
        assertNotFound(send("GET", "/api/v1/runs?integration_id=" + globexIntegration, writeKey, null));
        assertNotFound(send("POST", "/api/v1/integrations/" + globexIntegration + "/sync", writeKey, null));
        assertNotFound(send(
                "POST",
                "/api/v1/integrations/" + globexIntegration + "/backfill",
                writeKey,
                "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\",\"dry_run\":true}"));
        assertNotFound(send(
                "POST",
                "/api/v1/integrations/" + globexIntegration + "/backfill",
                writeKey,
                "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\",\"objects\":[\"Task\"]}"));
        assertNotFound(send("POST", "/api/v1/integrations/" + globexIntegration + "/remap", writeKey, "{}"));
        assertNotFound(
                send("POST", "/api/v1/integrations/" + globexIntegration + "/remap", writeKey, "{\"dry_run\":true}"));
        assertNotFound(send(
                "POST",
                "/api/v1/integrations/" + acmeIntegration + "/remap",
                writeKey,
                "{\"resume\":" + globexRun + "}"));
        var acmeRuns = ApiClient.json(
                        send("GET", "/api/v1/runs?limit=500", writeKey, null).body())
                .get("items");
        acmeRuns.forEach(run -> assertThat(run.get("integration").asLong()).isIn(acmeIntegration, acmeSpare));
        assertThat(runs(globexIntegration)).hasSize(1);
    }

    @Test
    void aReadKeyCannotStartRunsButListsThemPageByPage() throws Exception {
        for (var start : List.of("sync", "backfill", "remap")) {
            var refused = send(
                    "POST",
                    "/api/v1/integrations/" + acmeIntegration + "/" + start,
                    readKey,
                    "{\"from\":\"" + firstDay() + "\",\"to\":\"" + LAST_DAY + "\",\"dry_run\":true}");
            assertThat(refused.statusCode()).as(start).isEqualTo(403);
        }
        var sync = send("POST", "/api/v1/integrations/" + acmeIntegration + "/sync", writeKey, null);
        finished(sync);
        var second = send("POST", "/api/v1/integrations/" + acmeIntegration + "/sync", writeKey, null);
        finished(second);

        var seen = new ArrayList<Long>();
        String after = null;
        do {
            var page = ApiClient.json(send(
                            "GET",
                            "/api/v1/runs?kind=manual&limit=1" + (after == null ? "" : "&after=" + after),
                            readKey,
                            null)
                    .body());
            assertThat(page.get("items")).hasSizeLessThanOrEqualTo(1);
            page.get("items").forEach(run -> {
                assertThat(run.get("trigger").asText()).isEqualTo("manual");
                seen.add(run.get("run").asLong());
            });
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
        assertThat(seen)
                .contains(
                        ApiClient.json(sync.body()).get("run_id").asLong(),
                        ApiClient.json(second.body()).get("run_id").asLong())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
    }

    private static JsonNode finished(HttpResponse<String> started) throws Exception {
        return finished(started, readKey);
    }

    /** Polls the started run's Location until it is no longer running. */
    private static JsonNode finished(HttpResponse<String> started, String key) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        var location = started.headers().firstValue("Location").orElseThrow();
        var last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var response = send("GET", location, key, null);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    last[0] = ApiClient.json(response.body());
                    return !last[0].get("status").asText().equals("running");
                });
        return last[0];
    }

    private static List<String> runs(long integrationId) {
        return cli("runs", "--integration", Long.toString(integrationId), "--json", "--limit", "1000")
                .outLines();
    }

    private static LocalDate firstDay() {
        return sims.dataset().spec().firstDay().minusDays(1);
    }

    private static long integration(String org) throws Exception {
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        var added = lastJson(cli(
                "integration",
                "add",
                "--org",
                org,
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json"));
        var id = added.get("id").asText();
        cli("mapping", "set", "--integration", id, "--file", "mappings/salesforce.yaml");
        return Long.parseLong(id);
    }

    private static List<String> audit() {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        acme,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ORGANIZATION_ID.eq(acme))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch())
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + r.value4().data());
    }

    private static void assertField(HttpResponse<String> response, String field) {
        ApiClient.assertProblem(response, 422, field);
    }

    private static void assertNotFound(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertError(response, "not_found", null);
    }

    private static void assertError(HttpResponse<String> response, String code, String field) {
        var error = ApiClient.error(response);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode lastJson(CliRun run) {
        return run.lastJson();
    }

    private static JsonNode json(String line) {
        return ApiClient.json(line);
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
