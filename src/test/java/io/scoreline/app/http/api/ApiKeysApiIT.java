package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.web.router.Router;
import io.scoreline.app.config.ApiSettings;
import io.scoreline.pipeline.access.ApiKeyHasher;
import io.scoreline.pipeline.access.ApiKeyStore;
import io.scoreline.pipeline.access.ApiKeys;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.AuditTrail;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The admin API against the real {@code serve} server and database: keys made by the CLI, the
 * answers for missing, unknown, revoked, expired, under-scoped and other-audience keys, the rate
 * limit, audit rows, the error format, and the OpenAPI document against the route table.
 */
class ApiKeysApiIT {

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static String readKey;
    private static String writeKey;
    private static String platformKey;
    private static long writeKeyId;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        server = ScorelineServer.start(database, Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "America/New_York");
        readKey = created(cli("apikey", "create", "--org", "acme", "--name", "dashboard", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        var write = created(cli(
                "apikey",
                "create",
                "--org",
                "acme",
                "--name",
                "admin ui",
                "--scopes",
                "write",
                "--expires",
                "2099-01-01",
                "--json"));
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();
        platformKey = created(cli("apikey", "create", "--platform", "--name", "provisioning", "--json"))
                .get("key")
                .asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCliShowsAKeyOnceAndListsItWithoutItsSecret() throws Exception {
        var run = cli("apikey", "create", "--org", "globex", "--name", "listed", "--scopes", "admin", "--json");
        var created = created(run);
        var key = created.get("key").asText();
        assertThat(key)
                .matches("sl_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}")
                .startsWith(created.get("prefix").asText());
        assertThat(created.get("scopes").toString()).isEqualTo("[\"read\",\"write\",\"admin\"]");

        var list = cli("apikey", "list", "--org", "globex", "--json");
        assertThat(list.out())
                .contains(created.get("prefix").asText())
                .contains("listed")
                .doesNotContain(key);
        var table = cli("apikey", "list", "--org", "globex");
        assertThat(table.out())
                .contains("PREFIX")
                .contains("listed")
                .contains("never")
                .doesNotContain(key);
        // The stored hash is not the key and is not shown either.
        assertThat(list.out()).doesNotContainPattern("[0-9a-f]{64}");

        assertThat(get("/api/v1/organization", key).statusCode()).isEqualTo(200);
        var revoke = cli("apikey", "revoke", "--id", created.get("id").asText());
        assertThat(revoke.out()).contains("Revoked API key " + created.get("id").asText());
        assertThat(get("/api/v1/organization", key).statusCode()).isEqualTo(401);
        assertThat(cli("apikey", "list", "--org", "globex").out()).contains("revoked");
        assertThat(CliRun.run(server.environment(), "apikey", "revoke", "--id", "999999")
                        .exitCode())
                .as("an unknown id is exit 2, as docs/commands.md says")
                .isEqualTo(2);
        assertThat(CliRun.run(
                                server.environment(),
                                "apikey",
                                "create",
                                "--org",
                                "acme",
                                "--name",
                                "x",
                                "--scopes",
                                "owner")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void missingUnknownRevokedAndExpiredKeysGet401WithABearerChallenge() throws Exception {
        var none = send("GET", "/api/v1/organization", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"scoreline\"");
        assertError(none, "unauthenticated");

        var unknownShape = get("/api/v1/organization", "not-a-key");
        assertThat(unknownShape.statusCode()).isEqualTo(401);
        assertThat(unknownShape.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
        // Right shape and a real prefix, wrong secret.
        var forged = readKey.substring(0, readKey.length() - 4) + (readKey.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(get("/api/v1/organization", forged).statusCode()).isEqualTo(401);
        var basic = send("GET", "/api/v1/organization", null, Map.of("Authorization", "Basic " + readKey));
        assertThat(basic.statusCode()).isEqualTo(401);

        // Made on a clock in 2020, expiring on 2021-01-01: the server's clock is past that.
        var past = Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC);
        var apiKeys = new ApiKeys(
                server.bean(ApiKeyStore.class),
                server.bean(OrganizationStore.class),
                server.bean(ApiKeyHasher.class),
                past);
        var expiring = apiKeys.create(
                "acme",
                new ApiKeys.NewApiKey("expiring", Scope.READ, Optional.of(LocalDate.of(2021, 1, 1))),
                Actor.OPERATOR);
        var expired = get("/api/v1/organization", expiring.key().text());
        assertThat(expired.statusCode()).isEqualTo(401);
        assertError(expired, "unauthenticated");
        // A key expiring in 2099 works.
        assertThat(get("/api/v1/organization", writeKey).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadKeyCannotWriteAndScopesNest() throws Exception {
        var refused = send("PATCH", "/api/v1/organization", "{\"name\":\"Acme Two\"}", auth(readKey));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"write\"");
        assertError(refused, "insufficient_scope");
        assertThat(get("/api/v1/organization", readKey).body()).contains("\"name\":\"Acme\"");
        // The write key also reads.
        assertThat(get("/api/v1/organization", writeKey).statusCode()).isEqualTo(200);
    }

    @Test
    void organizationAndPlatformKeysSeeOnlyTheirOwnEndpoints() throws Exception {
        var own = ApiClient.json(get("/api/v1/organization", readKey).body());
        assertThat(own.get("slug").asText()).isEqualTo("acme");
        assertThat(own.get("week_start").asText()).isEqualTo("monday");

        // Another audience's endpoint is answered exactly like one that does not exist.
        var platformOnOrg = get("/api/v1/organization", platformKey);
        var orgOnPlatform = get("/api/v1/organizations", writeKey);
        var noSuchRoute = get("/api/v1/no-such-endpoint", writeKey);
        for (var response : List.of(platformOnOrg, orgOnPlatform, noSuchRoute)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(noSuchRoute.body());
        }
        assertThat(send("POST", "/api/v1/organizations", "{}", auth(writeKey)).statusCode())
                .isEqualTo(404);

        var listed = get("/api/v1/organizations", platformKey);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"slug\":\"acme\"").contains("\"slug\":\"globex\"");
    }

    @Test
    void aPlatformKeyCreatesAnOrganizationWithAnAuditRowInIt() throws Exception {
        var created = send(
                "POST",
                "/api/v1/organizations",
                "{\"slug\":\"initech\",\"name\":\"Initech\",\"timezone\":\"America/Chicago\",\"week_start\":\"sunday\"}",
                auth(platformKey));
        assertThat(created.statusCode()).isEqualTo(201);
        var body = ApiClient.json(created.body());
        assertThat(body.get("week_start").asText()).isEqualTo("sunday");
        var audit = audit(body.get("id").asLong());
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst())
                .contains("organization.create")
                .contains("api_key:")
                .contains("Initech");

        var again = send(
                "POST",
                "/api/v1/organizations",
                "{\"slug\":\"initech\",\"name\":\"Initech\",\"timezone\":\"America/Chicago\"}",
                auth(platformKey));
        assertThat(again.statusCode()).isEqualTo(409);
        assertError(again, "conflict");
        var missing = send("POST", "/api/v1/organizations", "{\"slug\":\"x1\",\"name\":\"X\"}", auth(platformKey));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(missing.body()).at("/error/field").asText()).isEqualTo("timezone");
    }

    @Test
    void aPatchChangesTheOrganizationAndWritesItsAuditRowInTheSameTransaction() throws Exception {
        var globexKey =
                created(cli("apikey", "create", "--org", "globex", "--name", "w", "--scopes", "write", "--json"));
        var globexId = ApiClient.json(
                        get("/api/v1/organization", globexKey.get("key").asText())
                                .body())
                .get("id")
                .asLong();
        var before = audit(globexId).size();
        var changed = send(
                "PATCH",
                "/api/v1/organization",
                "{\"timezone\":\"Europe/Paris\",\"week_start\":\"sunday\"}",
                auth(globexKey.get("key").asText()));
        assertThat(changed.statusCode()).isEqualTo(200);
        var body = ApiClient.json(changed.body());
        assertThat(body.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(body.get("name").asText()).isEqualTo("Globex");
        var rows = audit(globexId);
        assertThat(rows).hasSize(before + 1);
        assertThat(rows.getLast())
                .contains("organization.update")
                .contains("api_key:" + globexKey.get("id").asText())
                .contains("Europe/Paris")
                .contains("sunday");
        // A refused change writes nothing, audit included.
        var refused = send(
                "PATCH",
                "/api/v1/organization",
                "{\"timezone\":\"Mars/Olympus\"}",
                auth(globexKey.get("key").asText()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(audit(globexId)).hasSize(before + 1);
    }

    @Test
    void theCliAndTheApiChangeAnOrganizationThroughTheSameUseCase() throws Exception {
        cli("org", "create", "--slug", "umbrella", "--name", "Umbrella", "--timezone", "Europe/London");
        var key = created(cli("apikey", "create", "--org", "umbrella", "--name", "u", "--scopes", "write", "--json"))
                .get("key")
                .asText();
        var byCli = ApiClient.json(cli("org", "update", "--org", "umbrella", "--week-start", "tuesday", "--json")
                .outLines()
                .getLast());
        var byApi = ApiClient.json(get("/api/v1/organization", key).body());
        assertThat(byApi).isEqualTo(byCli);
        // The same refusal in the same words.
        var cliRefusal =
                CliRun.run(server.environment(), "org", "update", "--org", "umbrella", "--timezone", "Mars/Olympus");
        assertThat(cliRefusal.exitCode()).isEqualTo(2);
        var apiRefusal = send("PATCH", "/api/v1/organization", "{\"timezone\":\"Mars/Olympus\"}", auth(key));
        assertThat(cliRefusal.err())
                .contains(ApiClient.json(apiRefusal.body()).at("/error/message").asText());
        assertThat(audit(byApi.get("id").asLong())).anyMatch(row -> row.startsWith("operator organization.update"));
    }

    @Test
    void badInputIsAnsweredInTheOneErrorFormat() throws Exception {
        var badJson = send("PATCH", "/api/v1/organization", "{\"name\": ", auth(writeKey));
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertError(badJson, "invalid_json");

        var zone = send("PATCH", "/api/v1/organization", "{\"timezone\":\"Mars/Olympus\"}", auth(writeKey));
        assertThat(zone.statusCode()).isEqualTo(422);
        var error = ApiClient.json(zone.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_input");
        assertThat(error.get("field").asText()).isEqualTo("timezone");
        assertThat(error.get("message").asText()).contains("IANA time zone");

        var unknownField = send("PATCH", "/api/v1/organization", "{\"slug\":\"new\"}", auth(writeKey));
        assertThat(unknownField.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(unknownField.body()).at("/error/field").asText())
                .isEqualTo("slug");

        var nothing = send("PATCH", "/api/v1/organization", "{}", auth(writeKey));
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertError(nothing, "invalid_input");

        var wrongType = send("PATCH", "/api/v1/organization", "{\"name\":42}", auth(writeKey));
        assertThat(wrongType.statusCode()).isEqualTo(422);

        var large = "{\"name\":\"" + "x".repeat(ApiSettings.defaults().maxBodyBytes()) + "\"}";
        var tooLarge = send("PATCH", "/api/v1/organization", large, auth(writeKey));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertError(tooLarge, "too_large");
        assertThat(get("/api/v1/organization", readKey).body()).contains("\"name\":\"Acme\"");
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected() throws Exception {
        try (var limited =
                ScorelineServer.start(database, Map.of(ApiSettings.RATE_LIMIT, "1", ApiSettings.RATE_BURST, "2"))) {
            var statuses = new ArrayList<Integer>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = new ApiClient(limited).send("GET", "/api/v1/organization", null, auth(readKey));
                statuses.add(last.statusCode());
            }
            assertThat(statuses).startsWith(200, 200).contains(429);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
            assertError(last, "rate_limited");
            assertThat(new ApiClient(limited)
                            .send("GET", "/api/v1/organization", null, auth(writeKey))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void keysNeverReachTheLog() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        try {
            var revoked = created(cli("apikey", "create", "--org", "acme", "--name", "logged", "--json"));
            cli("apikey", "revoke", "--id", revoked.get("id").asText());
            get("/api/v1/organization", revoked.get("key").asText());
            get("/api/v1/organization", readKey);
            send("PATCH", "/api/v1/organization", "{\"name\": ", auth(writeKey));
            // The server's threads may still be logging the request: read under the appender's lock.
            List<ILoggingEvent> events;
            synchronized (appender) {
                events = List.copyOf(appender.list);
            }
            var logged = events.stream()
                    .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                            + (e.getThrowableProxy() == null
                                    ? ""
                                    : e.getThrowableProxy().getMessage()))
                    .toList();
            // The refusal is logged, by key id: the capture works.
            assertThat(logged)
                    .anyMatch(
                            line -> line.contains("API key " + revoked.get("id").asText() + " refused"));
            for (var key : List.of(revoked.get("key").asText(), readKey, writeKey)) {
                var secret = key.substring(12);
                assertThat(logged).noneMatch(line -> line.contains(secret));
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
    }

    @Test
    void noApiRouteAnswersWithoutAKeyAndEveryOneDeclaresItsSecurity() throws Exception {
        var routes = server.bean(Router.class)
                .uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .toList();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(5);
        for (var route : routes) {
            var path = route.getUriMatchTemplate().toPathString().replaceAll("\\{[^}]+}", "1");
            var method = route.getHttpMethodName();
            var body = method.equals("GET") ? null : "{}";
            var response = send(method, path, body, Map.of("Content-Type", "application/json"));
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(method + " " + path)
                    .isPresent();
            assertThat(route.getAnnotationMetadata().hasAnnotation(ApiEndpoint.class))
                    .as(method + " " + path + " declares @ApiEndpoint")
                    .isTrue();
        }
        // Webhooks and health answer as before, without a key.
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/webhooks/nosuchcrm", "{}", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentCoversEveryRouteWithItsSecurityRequirement() throws Exception {
        var response = get("/api/v1/openapi.json", readKey);
        assertThat(response.statusCode()).isEqualTo(200);
        var document = ApiClient.json(response.body());
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText())
                .isEqualTo("bearer");
        var routes = server.bean(Router.class)
                .uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1"))
                .toList();
        for (var route : routes) {
            var path = route.getUriMatchTemplate().toPathString();
            var operation = document.path("paths")
                    .path(path)
                    .path(route.getHttpMethodName().toLowerCase());
            assertThat(operation.isMissingNode())
                    .as(route.getHttpMethodName() + " " + path)
                    .isFalse();
            var scope = route.getAnnotationMetadata()
                    .enumValue(ApiEndpoint.class, "scope", Scope.class)
                    .orElseThrow();
            assertThat(operation.at("/security/0/apiKey/0").asText())
                    .as("security of " + path)
                    .isEqualTo(scope.key());
        }
        assertThat(document.at("/paths/~1api~1v1~1organization/patch/security/0/apiKey/0")
                        .asText())
                .isEqualTo("write");
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        var error = ApiClient.error(response);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private static List<String> audit(long organizationId) {
        return AuditTrail.lines(server, organizationId);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode created(CliRun run) {
        return run.lastJson();
    }

    private static Map<String, String> auth(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    private static HttpResponse<String> get(String path, String key) {
        return new ApiClient(server).get(path, key);
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        return new ApiClient(server).send(method, path, body, headers);
    }
}
