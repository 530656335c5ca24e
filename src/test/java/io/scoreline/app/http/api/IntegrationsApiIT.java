package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.AuditTrail;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The integrations area of the admin API against the real server, database and both CRM
 * simulators: add (credentials never echoed, logged or audited), list and show with status, last
 * run and lag, test, pause, resume, describe and the stored catalog, users sync and the unmatched;
 * bad input on each, another organization's integration answered 404 on every path, a read key
 * refused on every write, and the CLI's {@code integration list --json} equal to the API's list.
 */
class IntegrationsApiIT {

    private static RunningSimulators sims;
    private static ScorelineServer server;
    private static String readKey;
    private static String writeKey;
    private static String adminKey;
    private static long adminKeyId;
    private static long acmeId;
    private static long globexIntegration;

    @BeforeAll
    static void start() throws Exception {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(41)
                .withVolume(8, 2)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "America/New_York");
        readKey = key("acme", "read").get("key").asText();
        writeKey = key("acme", "write").get("key").asText();
        var admin = key("acme", "admin");
        adminKey = admin.get("key").asText();
        adminKeyId = admin.get("id").asLong();
        acmeId = ApiClient.json(
                        send("GET", "/api/v1/organization", null, readKey).body())
                .get("id")
                .asLong();
        // Globex's integration, added by the operator: the ids acme's keys must not reach.
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        globexIntegration = ApiClient.json(cli(
                                "integration",
                                "add",
                                "--org",
                                "globex",
                                "--provider",
                                "salesforce",
                                "--login-url",
                                sf.loginUrl().toString(),
                                "--credentials-file",
                                credentials.toString(),
                                "--json")
                        .outLines()
                        .getLast())
                .get("id")
                .asLong();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (sims != null) {
            sims.close();
        }
    }

    @Test
    void addingShowsTheEndpointSecretOnceAndNeverTheCredentialsInTheAnswerTheAuditOrTheLog() throws Exception {
        var sf = sims.salesforce();
        var secrets = List.of(sf.clientSecret(), sf.refreshToken());
        var body = "{\"provider\":\"salesforce\",\"login_url\":\"" + sf.loginUrl() + "\",\"credentials\":{"
                + "\"client_id\":\"" + sf.clientId() + "\",\"client_secret\":\"" + sf.clientSecret()
                + "\",\"refresh_token\":\"" + sf.refreshToken() + "\"}}";
        var logged = captureLog(() -> send("POST", "/api/v1/integrations", body, adminKey));
        var created = logged.response();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var integration = ApiClient.json(created.body());
        long id = integration.get("id").asLong();
        assertThat(integration.get("org").asText()).isEqualTo("acme");
        assertThat(integration.get("provider").asText()).isEqualTo("salesforce");
        assertThat(integration.get("status").asText()).isEqualTo("active");
        assertThat(integration.get("endpoint_secret_set").asBoolean()).isTrue();
        assertThat(integration.get("endpoint_secret").asText()).isNotBlank();
        assertThat(integration.get("endpoint_path").asText())
                .contains(integration.get("endpoint_secret").asText());
        assertThat(integration.get("last_run").isNull()).isTrue();
        assertThat(integration.get("lag_seconds").isNull()).isTrue();
        assertThat(integration.has("credentials")).isFalse();

        // The secret is shown once: neither the list nor the integration shows it again.
        var shown = send("GET", "/api/v1/integrations/" + id, null, readKey);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(shown.body()).has("endpoint_secret")).isFalse();
        var listed = send("GET", "/api/v1/integrations", null, readKey).body();
        assertThat(listed).doesNotContain(integration.get("endpoint_secret").asText());

        var audit = audit(acmeId);
        assertThat(audit)
                .anyMatch(row -> row.startsWith("api_key:" + adminKeyId + " integration.add integration:" + id)
                        && row.contains("salesforce"));
        for (var secret : secrets) {
            assertThat(created.body()).doesNotContain(secret);
            assertThat(shown.body()).doesNotContain(secret);
            assertThat(listed).doesNotContain(secret);
            assertThat(audit).noneMatch(row -> row.contains(secret));
            assertThat(logged.lines()).noneMatch(line -> line.contains(secret));
        }
        assertThat(logged.lines()).as("the capture works").isNotEmpty();
    }

    @Test
    void badInputOnAddIsRefusedNamingTheFieldAndAddsNothing() throws Exception {
        var hs = sims.hubSpot();
        var before = send("GET", "/api/v1/integrations", null, readKey).body();
        var auditBefore = audit(acmeId).size();
        assertRefused("{\"provider\": ", 400, "invalid_json", null);
        assertRefused("{\"provider\":\"hubspot\",\"name\":\"x\",\"credentials\":{}}", 422, "unknown_field", "name");
        assertRefused("{\"credentials\":{\"private_app_token\":\"t\"}}", 422, "missing_field", "provider");
        assertRefused("{\"provider\":\"pipedrive\",\"credentials\":{}}", 422, "invalid_input", "provider");
        assertRefused("{\"provider\":\"hubspot\"}", 422, "missing_field", "credentials");
        assertRefused("{\"provider\":\"hubspot\",\"credentials\":\"token\"}", 422, "invalid_input", "credentials");
        assertRefused(
                "{\"provider\":\"hubspot\",\"credentials\":{\"refresh_tokn\":\"x\"}}",
                422,
                "invalid_input",
                "credentials.refresh_tokn");
        // A path on the server is never read for a caller on the network.
        assertRefused(
                "{\"provider\":\"salesforce\",\"credentials\":{\"client_id\":\"c\",\"jwt_username\":\"u\","
                        + "\"jwt_key_file\":\"/etc/passwd\"}}",
                422,
                "invalid_input",
                "credentials.jwt_key_file");
        assertRefused(
                "{\"provider\":\"hubspot\",\"credentials\":{\"client_id\":\"c\",\"refresh_token\":\"r\"}}",
                422,
                "invalid_input",
                "credentials");
        assertRefused(
                "{\"provider\":\"hubspot\",\"credentials\":{\"private_app_token\":42}}",
                422,
                "invalid_input",
                "credentials.private_app_token");
        assertRefused(
                "{\"provider\":\"salesforce\",\"login_url\":\"ftp://x\",\"credentials\":{\"client_id\":\"c\","
                        + "\"client_secret\":\"s\"}}",
                422,
                "invalid_input",
                "login_url");
        assertRefused(
                "{\"provider\":\"salesforce\",\"portal_id\":\"42\",\"credentials\":{\"client_id\":\"c\","
                        + "\"client_secret\":\"s\"}}",
                422,
                "invalid_input",
                "portal_id");
        assertRefused(
                "{\"provider\":\"salesforce\",\"salesforce_org_id\":\"nope\",\"credentials\":{\"client_id\":\"c\","
                        + "\"client_secret\":\"s\"}}",
                422,
                "invalid_input",
                "salesforce_org_id");
        assertRefused(
                "{\"provider\":\"hubspot\",\"portal_id\":\"" + hs.portalId() + "\",\"allow_shared_account\":\"yes\","
                        + "\"credentials\":{\"private_app_token\":\"t\"}}",
                422,
                "invalid_input",
                "allow_shared_account");
        assertThat(send("GET", "/api/v1/integrations", null, readKey).body()).isEqualTo(before);
        assertThat(audit(acmeId)).hasSize(auditBefore);
    }

    @Test
    void testPauseResumeDescribeAndTheCatalogOfAHubSpotIntegration() throws Exception {
        var hs = sims.hubSpot();
        var created = send(
                "POST",
                "/api/v1/integrations",
                "{\"provider\":\"hubspot\",\"portal_id\":\"" + hs.portalId() + "\",\"base_url\":\"" + hs.baseUrl()
                        + "\",\"credentials\":{\"access_token\":\"" + hs.privateAppToken() + "\"}}",
                adminKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var integration = ApiClient.json(created.body());
        long id = integration.get("id").asLong();
        assertThat(integration.get("external_account_id").asText()).isEqualTo(Long.toString(hs.portalId()));
        assertThat(integration.has("endpoint_secret")).isFalse();
        assertThat(created.body()).doesNotContain(hs.privateAppToken());

        var test = send("POST", "/api/v1/integrations/" + id + "/test", null, writeKey);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        var check = ApiClient.json(test.body());
        assertThat(check.get("settings").asText()).isEqualTo("ok");
        assertThat(check.get("connection").asText()).isEqualTo("ok");
        var byCli = ApiClient.json(
                CliRun.run(server.environment(), "integration", "test", "--integration", "" + id, "--json")
                        .outLines()
                        .getLast());
        // The same answer, but for the CRM's count of API requests, which the CLI's own check raised by one.
        ((ObjectNode) check).remove("detail");
        assertThat(byCli.get("detail").asText()).contains("portal " + hs.portalId());
        ((ObjectNode) byCli).remove("detail");
        assertThat(check).isEqualTo(byCli);

        var paused = send("POST", "/api/v1/integrations/" + id + "/pause", null, writeKey);
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(ApiClient.json(paused.body()).get("status").asText()).isEqualTo("paused");
        assertThat(ApiClient.json(paused.body()).get("next_sync").isNull()).isTrue();
        assertThat(ApiClient.json(send("GET", "/api/v1/integrations/" + id, null, readKey)
                                .body())
                        .get("status")
                        .asText())
                .isEqualTo("paused");
        var resumed = send("POST", "/api/v1/integrations/" + id + "/resume", null, writeKey);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(ApiClient.json(resumed.body()).get("status").asText()).isEqualTo("active");
        assertThat(ApiClient.json(resumed.body()).get("next_sync").asText()).isNotBlank();
        assertThat(audit(acmeId))
                .anyMatch(row -> row.contains("integration.pause integration:" + id) && row.contains("paused"))
                .anyMatch(row -> row.contains("integration.resume integration:" + id) && row.contains("active"));

        var none = send("GET", "/api/v1/integrations/" + id + "/catalog", null, readKey);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(none.body()).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(ApiClient.json(none.body()).at("/error/message").asText())
                .contains("POST /api/v1/integrations/" + id + "/describe");

        var described = send("POST", "/api/v1/integrations/" + id + "/describe", null, writeKey);
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        var catalog = ApiClient.json(described.body());
        assertThat(catalog.get("provider").asText()).isEqualTo("hubspot");
        assertThat(catalog.get("apiCalls").asLong()).isPositive();
        assertThat(catalog.get("objects")).isNotEmpty();
        var stored = send("GET", "/api/v1/integrations/" + id + "/catalog", null, readKey);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(stored.body())).isEqualTo(catalog);
        assertThat(audit(acmeId))
                .anyMatch(row -> row.contains("integration.describe integration:" + id)
                        && row.contains(
                                "\"api_calls\": " + catalog.get("apiCalls").asLong()));
    }

    @Test
    void usersSyncLinksPeopleMovesThemWithTeamsFromTheCrmAndPagesTheUnmatched() throws Exception {
        var sf = sims.salesforce();
        var created = send(
                "POST",
                "/api/v1/integrations",
                "{\"provider\":\"salesforce\",\"login_url\":\"" + sf.loginUrl() + "\",\"credentials\":{"
                        + "\"client_id\":\"" + sf.clientId() + "\",\"client_secret\":\"" + sf.clientSecret()
                        + "\",\"refresh_token\":\"" + sf.refreshToken() + "\"}}",
                adminKey);
        long id = ApiClient.json(created.body()).get("id").asLong();
        var path = "/api/v1/integrations/" + id + "/users";

        // Without a body: the CLI without options. Nobody has a profile yet, so everyone is unmatched.
        var plain = send("POST", path + "/sync", null, writeKey);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        var linked = ApiClient.json(plain.body());
        assertThat(linked.get("users").asInt()).isPositive();
        assertThat(linked.get("unmatched").asInt())
                .isEqualTo(linked.get("users").asInt());
        assertThat(linked.has("moves")).isFalse();

        var pages = new ArrayList<JsonNode>();
        String next = null;
        do {
            var page = send("GET", path + "/unmatched?limit=3" + (next == null ? "" : "&after=" + next), null, readKey);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            var json = ApiClient.json(page.body());
            assertThat(json.get("items").size()).isLessThanOrEqualTo(3);
            json.get("items").forEach(pages::add);
            // The last page has no cursor (the server leaves null fields out).
            next = json.path("next").isTextual() ? json.get("next").asText() : null;
        } while (next != null);
        var byCli = new ArrayList<JsonNode>();
        for (var line :
                cli("users", "unmatched", "--integration", "" + id, "--json").outLines()) {
            byCli.add(ApiClient.json(line));
        }
        assertThat(pages).hasSize(linked.get("unmatched").asInt()).isEqualTo(byCli);

        var withTeams = send("POST", path + "/sync", "{\"create_profiles\":true,\"teams_from_crm\":true}", writeKey);
        assertThat(withTeams.statusCode()).as(withTeams.body()).isEqualTo(200);
        var placed = ApiClient.json(withTeams.body());
        assertThat(placed.get("profiles_created").asInt()).isPositive();
        assertThat(placed.get("moves")).isNotEmpty();
        assertThat(placed.get("moves").get(0).get("email").asText()).contains("@");
        assertThat(placed.get("teams_created").asInt()).isPositive();
        var unmatched =
                ApiClient.json(send("GET", path + "/unmatched", null, readKey).body());
        assertThat(unmatched.get("items").size())
                .isEqualTo(placed.get("unmatched").asInt());
        assertThat(audit(acmeId))
                .anyMatch(row -> row.contains("users.sync integration:" + id)
                        && row.contains("\"teams_from_crm\": true")
                        && !row.contains("@"));

        for (var bad : List.of("{\"create_profiles\":\"yes\"}", "{\"teams\":true}")) {
            var refused = send("POST", path + "/sync", bad, writeKey);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(ApiClient.json(refused.body()).at("/error/field").asText())
                    .isIn("create_profiles", "teams");
        }
        assertThat(send("POST", path + "/sync", "{\"create_profiles\":", writeKey)
                        .statusCode())
                .isEqualTo(400);
        var badLimit = send("GET", path + "/unmatched?limit=0", null, readKey);
        assertThat(badLimit.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(badLimit.body()).at("/error/field").asText()).isEqualTo("limit");
    }

    @Test
    void anotherOrganizationsIntegrationIsNotFoundOnEveryPath() throws Exception {
        var missing = send("GET", "/api/v1/integrations/999999", null, adminKey);
        assertThat(missing.statusCode()).isEqualTo(404);
        var base = "/api/v1/integrations/" + globexIntegration;
        var calls = List.of(
                List.of("GET", base),
                List.of("POST", base + "/test"),
                List.of("POST", base + "/pause"),
                List.of("POST", base + "/resume"),
                List.of("POST", base + "/describe"),
                List.of("GET", base + "/catalog"),
                List.of("POST", base + "/users/sync"),
                List.of("GET", base + "/users/unmatched"));
        for (var call : calls) {
            var body = call.get(1).endsWith("/sync") ? "{\"create_profiles\":true}" : null;
            var response = send(call.get(0), call.get(1), body, adminKey);
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(404);
            assertThat(response.body()).as(call.toString()).isEqualTo(missing.body());
        }
        // Nothing happened to it: still active, no catalog, no users, no audit row in acme about it.
        var globex = cli("integration", "list", "--org", "globex", "--json").out();
        assertThat(globex).contains("\"status\":\"active\"");
        assertThat(audit(acmeId)).noneMatch(row -> row.contains("integration:" + globexIntegration));
        assertThat(send("GET", "/api/v1/integrations", null, readKey).body())
                .doesNotContain("\"id\":" + globexIntegration + ",");
    }

    @Test
    void aReadKeyCannotWriteAndOnlyAnAdminKeyAdds() throws Exception {
        var base = "/api/v1/integrations/" + globexIntegration;
        for (var path : List.of(
                "/api/v1/integrations",
                base + "/test",
                base + "/pause",
                base + "/resume",
                base + "/describe",
                base + "/users/sync")) {
            var refused = send("POST", path, "{}", readKey);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(ApiClient.json(refused.body()).at("/error/code").asText())
                    .isEqualTo("insufficient_scope");
        }
        var writeAdds = send("POST", "/api/v1/integrations", "{\"provider\":\"hubspot\"}", writeKey);
        assertThat(writeAdds.statusCode()).isEqualTo(403);
        assertThat(writeAdds.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("scope=\"admin\"");
    }

    @Test
    void theCliListAndTheApiListAreTheSame() throws Exception {
        cli("org", "create", "--slug", "initech", "--name", "Initech", "--timezone", "Europe/London");
        var key = key("initech", "admin").get("key").asText();
        var sf = sims.salesforce();
        var created = send(
                "POST",
                "/api/v1/integrations",
                "{\"provider\":\"salesforce\",\"login_url\":\"" + sf.loginUrl() + "\",\"credentials\":{"
                        + "\"client_id\":\"" + sf.clientId() + "\",\"client_secret\":\"" + sf.clientSecret() + "\"}}",
                key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = ApiClient.json(created.body()).get("id").asText();
        // A run without rules fails, and is the integration's last run; none has read data, so no lag yet.
        assertThat(CliRun.run(server.environment(), "sync", "--integration", id).exitCode())
                .isNotZero();
        var api = ApiClient.json(send("GET", "/api/v1/integrations", null, key).body());
        assertThat(api.path("next").isTextual()).as("one page").isFalse();
        var byCli = new ArrayList<JsonNode>();
        for (var line : cli("integration", "list", "--org", "initech", "--json").outLines()) {
            byCli.add(ApiClient.json(line));
        }
        var items = new ArrayList<JsonNode>();
        api.get("items").forEach(items::add);
        assertThat(items).hasSize(1).isEqualTo(byCli);
        var only = (ObjectNode) items.getFirst();
        assertThat(only.get("last_run").get("status").asText()).isEqualTo("failed");
        assertThat(only.get("last_run").get("error_message").asText()).contains("mapping rules");
        assertThat(only.get("lag_seconds").isNull()).isTrue();
        assertThat(ApiClient.json(
                        send("GET", "/api/v1/integrations/" + id, null, key).body()))
                .isEqualTo(only);
    }

    private static void assertRefused(String body, int status, String code, String field) throws Exception {
        var response = send("POST", "/api/v1/integrations", body, adminKey);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(status);
        var error = ApiClient.json(response.body()).get("error");
        assertThat(error.get("code").asText()).as(body).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.get("field").asText()).as(body).isEqualTo(field);
        }
    }

    private record Logged(HttpResponse<String> response, List<String> lines) {}

    private static Logged captureLog(Callable<HttpResponse<String>> call) throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        try {
            var response = call.call();
            // The server's threads may still be logging the request: read under the appender's lock.
            List<ILoggingEvent> events;
            synchronized (appender) {
                events = List.copyOf(appender.list);
            }
            var lines = events.stream()
                    .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                            + (e.getThrowableProxy() == null
                                    ? ""
                                    : e.getThrowableProxy().getMessage()))
                    .toList();
            return new Logged(response, lines);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
    }

    private static List<String> audit(long organizationId) {
        return AuditTrail.lines(server, organizationId);
    }

    private static JsonNode key(String org, String scope) {
        return ApiKeysForTests.create(server, org, scope, scope);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
