package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static io.scoreline.pipeline.db.Tables.OAUTH_STATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.Scoreline;
import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.hubspot.HubSpotOAuth;
import io.scoreline.connectors.salesforce.SalesforceOAuth;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.oauth.OAuthConnections;
import io.scoreline.pipeline.integrations.oauth.OAuthFailure;
import io.scoreline.pipeline.integrations.oauth.OAuthFlows;
import io.scoreline.pipeline.integrations.oauth.OAuthStateStore;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.AuditTrail;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting Salesforce and HubSpot through their OAuth authorization-code flow against the real
 * server, database and both simulators, a JDK HTTP client acting as the browser: the API answers the
 * authorize URL, the browser GETs the CRM's consent page, posts Allow (or Deny) and follows the 302
 * to Scoreline's callback. Then a sync runs with the stored refresh token. Deny, a replayed state,
 * an expired one, another organization's attempt and open-redirect return targets connect nothing.
 */
class OAuthConnectIT {

    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

    private static RunningSimulators sims;
    private static ScorelineServer server;
    private static String adminKey;
    private static String writeKey;
    private static long adminKeyId;
    private static long acmeId;
    private static String globexAdminKey;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(61)
                .withVolume(3, 3)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        server = ScorelineServer.start(
                TestPostgres.freshDatabase(),
                Map.of(
                        "SCORELINE_OAUTH_SALESFORCE_CLIENT_ID",
                                sims.salesforce().clientId(),
                        "SCORELINE_OAUTH_SALESFORCE_CLIENT_SECRET",
                                sims.salesforce().clientSecret(),
                        "SCORELINE_OAUTH_HUBSPOT_CLIENT_ID", sims.hubSpot().clientId(),
                        "SCORELINE_OAUTH_HUBSPOT_CLIENT_SECRET", sims.hubSpot().clientSecret()));
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "America/New_York");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "Europe/Berlin");
        var admin = ApiKeysForTests.create(server, "acme", "admin", "admin");
        adminKey = admin.get("key").asText();
        adminKeyId = admin.get("id").asLong();
        writeKey = ApiKeysForTests.create(server, "acme", "write", "write")
                .get("key")
                .asText();
        globexAdminKey = ApiKeysForTests.create(server, "globex", "admin", "admin")
                .get("key")
                .asText();
        acmeId = ApiClient.json(
                        send("GET", "/api/v1/organization", null, adminKey).body())
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
    void salesforceConnectsThroughConsentAndSyncsWithTheStoredRefreshTokenNeverStoredInPlainText() throws Exception {
        var before = integrationCount();
        var started = start("{\"provider\":\"salesforce\",\"login_url\":\""
                + sims.salesforce().loginUrl() + "\"}");
        var authorize = started.get("authorize_url").asText();
        assertThat(authorize).startsWith(sims.salesforce().loginUrl() + "/services/oauth2/authorize?");
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256");
        assertThat(started.get("expires_at").asText()).isNotBlank();

        var callback = consent(authorize, "allow");
        var done = get(callback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body())
                .contains("salesforce integration")
                .contains("acme")
                .contains("connected");
        assertThat(integrationCount()).isEqualTo(before + 1);
        long id = newestIntegration();

        // The stored credentials are ciphertext; the state and the PKCE verifier are not stored either.
        var stored = server.bean(TenantTransactions.class)
                .inOrganization(
                        acmeId,
                        tx -> tx.select(INTEGRATIONS.CREDENTIALS)
                                .from(INTEGRATIONS)
                                .where(INTEGRATIONS.ID.eq(id))
                                .fetchSingle()
                                .value1());
        assertThat(stored)
                .doesNotContain(sims.salesforce().refreshToken())
                .doesNotContain(sims.salesforce().clientSecret());
        var state = parameter(callback, "state");
        var attempt = server.bean(TenantTransactions.class)
                .inOrganization(
                        acmeId,
                        tx -> tx.selectFrom(OAUTH_STATES)
                                .where(OAUTH_STATES.INTEGRATION_ID.eq(id))
                                .fetchSingle());
        assertThat(attempt.getStateHash()).doesNotContain(state).hasSize(64);
        assertThat(attempt.getCodeVerifier()).isNotBlank();
        assertThat(attempt.getOutcome()).isEqualTo("connected");
        assertThat(AuditTrail.lines(server, acmeId))
                .anyMatch(row -> row.startsWith("api_key:" + adminKeyId + " integration.add integration:" + id));

        assertSyncs(id, "mappings/salesforce.yaml");
    }

    @Test
    void hubSpotConnectsBackToTheConsolePageAndSyncs() throws Exception {
        var started = start("{\"provider\":\"hubspot\",\"base_url\":\""
                + sims.hubSpot().baseUrl() + "\",\"return_to\":\"/console/integrations\"}");
        var authorize = started.get("authorize_url").asText();
        assertThat(authorize)
                .startsWith(sims.hubSpot().baseUrl() + "/oauth/authorize?")
                .doesNotContain("code_challenge");

        var done = get(consent(authorize, "allow"));
        assertThat(done.statusCode()).isEqualTo(303);
        var location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/console/integrations?integration=");
        long id = Long.parseLong(location.substring(location.indexOf('=') + 1));
        var shown = send("GET", "/api/v1/integrations/" + id, null, adminKey);
        assertThat(ApiClient.json(shown.body()).get("provider").asText()).isEqualTo("hubspot");
        var stored = server.bean(TenantTransactions.class)
                .inOrganization(
                        acmeId,
                        tx -> tx.select(INTEGRATIONS.CREDENTIALS)
                                .from(INTEGRATIONS)
                                .where(INTEGRATIONS.ID.eq(id))
                                .fetchSingle()
                                .value1());
        assertThat(stored).doesNotContain(sims.hubSpot().refreshToken());

        assertSyncs(id, "mappings/hubspot.yaml");
    }

    /** A sync logs in with the stored refresh token and reads records. */
    private static void assertSyncs(long id, String rules) {
        cli("mapping", "set", "--integration", Long.toString(id), "--file", rules);
        var run = finished(send("POST", "/api/v1/integrations/" + id + "/sync", null, writeKey));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("records_read").asLong()).as(run.toString()).isPositive();
    }

    @Test
    void theCliPrintsTheUrlWaitsForTheCallbackAndPrintsTheIntegration() throws Exception {
        var env = new HashMap<>(server.environment());
        // The CLI is not the server: it names the server's address for the callback as an operator would.
        env.put("SCORELINE_PUBLIC_BASE_URL", server.uri("").toString());
        var out = new StringWriter();
        var err = new StringWriter();
        var exit = new CompletableFuture<Integer>();
        Thread.ofVirtual()
                .start(() -> exit.complete(Scoreline.execute(
                        env,
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "integration",
                        "connect",
                        "--oauth",
                        "--org",
                        "acme",
                        "--provider",
                        "hubspot",
                        "--base-url",
                        sims.hubSpot().baseUrl().toString(),
                        "--json")));
        await().atMost(Duration.ofMinutes(2)).until(() -> err.toString().contains("/oauth/authorize?"));
        var url = err.toString()
                .lines()
                .filter(line -> line.startsWith("http"))
                .findFirst()
                .orElseThrow();
        assertThat(get(consent(url, "allow")).statusCode()).isEqualTo(200);
        assertThat(exit.get(2, TimeUnit.MINUTES)).as(err.toString()).isZero();
        var printed = ApiClient.json(
                out.toString().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(printed.get("provider").asText()).isEqualTo("hubspot");
        assertThat(printed.get("org").asText()).isEqualTo("acme");
        assertThat(send("GET", "/api/v1/integrations/" + printed.get("id").asLong(), null, adminKey)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void denyConnectsNothingAndSaysSo() throws Exception {
        var before = integrationCount();
        var started = start("{\"provider\":\"salesforce\",\"login_url\":\""
                + sims.salesforce().loginUrl() + "\"}");
        var done = get(consent(started.get("authorize_url").asText(), "deny"));
        assertThat(done.statusCode()).isEqualTo(403);
        assertThat(done.body()).contains("denied");
        assertThat(integrationCount()).isEqualTo(before);

        var toConsole = start("{\"provider\":\"hubspot\",\"base_url\":\""
                + sims.hubSpot().baseUrl() + "\",\"return_to\":\"/console/integrations?tab=crm\"}");
        var back = get(consent(toConsole.get("authorize_url").asText(), "deny"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("/console/integrations?tab=crm&oauth_error=denied");
        assertThat(integrationCount()).isEqualTo(before);
    }

    @Test
    void aReplayedStateConnectsNothingMore() throws Exception {
        var started = start("{\"provider\":\"salesforce\",\"login_url\":\""
                + sims.salesforce().loginUrl() + "\"}");
        var callback = consent(started.get("authorize_url").asText(), "allow");
        assertThat(get(callback).statusCode()).isEqualTo(200);
        var after = integrationCount();
        var replay = get(callback);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("answered already");
        assertThat(integrationCount()).isEqualTo(after);

        var forged = get(callback.replaceAll("state=[^&]+", "state=forged"));
        assertThat(forged.statusCode()).isEqualTo(404);
        var noState = get(callback.replaceAll("&?state=[^&]+", ""));
        assertThat(noState.statusCode()).isEqualTo(404);
        assertThat(integrationCount()).isEqualTo(after);
    }

    @Test
    void anExpiredStateConnectsNothingEvenWithAGoodCode() throws Exception {
        var before = integrationCount();
        var started = start("{\"provider\":\"salesforce\",\"login_url\":\""
                + sims.salesforce().loginUrl() + "\"}");
        var callback = consent(started.get("authorize_url").asText(), "allow");
        // The server's own use case with its clock eleven minutes on: the state lives ten.
        var later = connectionsAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)));
        var answer = new OAuthConnections.CallbackAnswer(
                Optional.of(parameter(callback, "code")),
                Optional.of(parameter(callback, "state")),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> later.complete("salesforce", answer))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.reason()).isEqualTo(OAuthFailure.Reason.EXPIRED_STATE))
                .hasMessageContaining("expired");
        // Taken by that attempt: the browser coming back now finds it used.
        assertThat(get(callback).statusCode()).isEqualTo(409);
        assertThat(integrationCount()).isEqualTo(before);
    }

    @Test
    void anotherOrganizationsAttemptIsItsOwnAndItsIntegrationIsNotFoundHere() throws Exception {
        var started = ApiClient.json(send(
                "POST",
                "/api/v1/integrations/oauth",
                "{\"provider\":\"hubspot\",\"base_url\":\"" + sims.hubSpot().baseUrl() + "\"}",
                globexAdminKey));
        long attempt = started.get("attempt_id").asLong();
        var connections = server.bean(OAuthConnections.class);
        assertThatThrownBy(() -> connections.progress(acmeId, attempt)).hasMessageContaining("no connection attempt");

        var done = get(consent(started.get("authorize_url").asText(), "allow"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("globex");
        var id = Long.parseLong(done.body().replaceAll("(?s).*hubspot integration (\\d+).*", "$1"));
        assertThat(send("GET", "/api/v1/integrations/" + id, null, adminKey).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/integrations/" + id, null, globexAdminKey)
                        .statusCode())
                .isEqualTo(200);
        // Reconnecting takes an integration of the caller's own organization only.
        var reconnect = send(
                "POST",
                "/api/v1/integrations/oauth",
                "{\"provider\":\"hubspot\",\"integration_id\":" + id + "}",
                adminKey);
        assertThat(reconnect.statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        for (var target : List.of("https://evil.example/", "//evil.example/console/", "/api/v1/organization")) {
            var refused = send(
                    "POST",
                    "/api/v1/integrations/oauth",
                    "{\"provider\":\"hubspot\",\"return_to\":\"" + target + "\"}",
                    adminKey);
            ApiClient.assertProblem(refused, 422, "return_to");
        }
        ApiClient.assertProblem(
                send("POST", "/api/v1/integrations/oauth", "{\"provider\":\"pipedrive\"}", adminKey), 422, "provider");
        ApiClient.assertProblem(
                send(
                        "POST",
                        "/api/v1/integrations/oauth",
                        "{\"provider\":\"salesforce\",\"login_url\":\"ftp://x\"}",
                        adminKey),
                422,
                "login_url");
        assertThat(send("POST", "/api/v1/integrations/oauth", "{\"provider\":\"hubspot\"}", writeKey)
                        .statusCode())
                .isEqualTo(403);
    }

    /** The server's use case with another clock, from the server's own beans. */
    private static OAuthConnections connectionsAt(Clock clock) {
        var config = server.bean(ScorelineConfig.class);
        var cipher = new CredentialCipher(MasterKeySource.load(config));
        return new OAuthConnections(
                server.bean(OrganizationStore.class),
                server.bean(IntegrationStore.class),
                server.bean(IntegrationOnboarding.class),
                new OAuthStateStore(server.bean(TenantTransactions.class)),
                OAuthFlows.of(List.of(new SalesforceOAuth(), new HubSpotOAuth())),
                config.oauth().apps(),
                () -> cipher,
                clock);
    }

    private static JsonNode start(String body) {
        var response = send("POST", "/api/v1/integrations/oauth", body, adminKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response.body());
    }

    /** The browser on the CRM's consent page: GET it, post the decision, answer the 302's Location. */
    private static String consent(String authorizeUrl, String decision) throws Exception {
        var page = get(authorizeUrl);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).isTrue();
        var form = new LinkedHashMap<String, String>();
        var hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("decision", decision);
        var target = URI.create(authorizeUrl).resolve(unescape(action.group(1)));
        var decided = BROWSER.send(
                HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return decided.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return BROWSER.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String parameter(String url, String name) {
        for (var pair : URI.create(url).getRawQuery().split("&")) {
            var eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(Map<String, String> fields) {
        var joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static int integrationCount() {
        return server.bean(TenantTransactions.class).inOrganization(acmeId, tx -> tx.fetchCount(INTEGRATIONS));
    }

    private static long newestIntegration() {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        acmeId,
                        tx -> tx.select(INTEGRATIONS.ID)
                                .from(INTEGRATIONS)
                                .orderBy(INTEGRATIONS.ID.desc())
                                .limit(1)
                                .fetchSingle()
                                .value1());
    }

    /** Polls the started run's Location until it is no longer running. */
    private static JsonNode finished(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        var location = started.headers().firstValue("Location").orElseThrow();
        var last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var response = send("GET", location, null, writeKey);
                    last[0] = ApiClient.json(response.body());
                    return !last[0].get("status").asText().equals("running");
                });
        return last[0];
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
