package io.scoreline.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ConsoleHttp;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's security model against the real server, with a plain HTTP client: every
 * {@code /console} route of the router (so a page added later is walked too) without a session,
 * with one, and with its headers; another organization's ids; forms without their token or from
 * another origin; the cookie's flags; sign-out; an idle, an expired and a revoked session.
 */
class ConsoleSecurityIT {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static ConsoleHttp console;
    private static String acmeKey;
    private static long acmeKeyId;
    private static long globexContest;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        server = ScorelineServer.start(database, Map.of());
        console = new ConsoleHttp(server);
        CliRun.succeeded(
                server.environment(), "org", "create", "--slug", "acme", "--name", "Acme <b>", "--timezone", "UTC");
        CliRun.succeeded(
                server.environment(), "org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "UTC");
        var acme = ApiKeysForTests.create(server, "acme", "console", "write");
        acmeKey = acme.get("key").asText();
        acmeKeyId = acme.get("id").asLong();
        var globexKey = ApiKeysForTests.create(server, "globex", "app", "write")
                .get("key")
                .asText();
        CliRun.succeeded(server.environment(), "profile", "create", "--org", "globex", "--email", "pat@globex.test");
        // A KPI without a CRM behind it: enough for a contest to name.
        var globex = server.bean(OrganizationStore.class).require("globex");
        server.bean(TenantTransactions.class)
                .inOrganization(
                        globex.id(),
                        tx -> tx.execute(
                                "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls')",
                                globex.id()));
        var created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("/api/v1/contests"))
                                .header("Authorization", "Bearer " + globexKey)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\"Globex calls\",\"kpi\":\"calls_made\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        globexContest = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteWithoutASessionRedirectsToSignInAndCarriesTheHeaders() {
        var routes = consoleRoutes();
        assertThat(routes)
                .extracting(r -> r.getUriMatchTemplate().toString())
                .contains("/console/boards", "/console/contests/{contestId}/leaderboard", "/console/sign-in");
        for (var route : routes) {
            var path = concrete(route);
            var response = route.getHttpMethod() == HttpMethod.GET
                    ? console.get(path, Map.of())
                    : console.post(path, Map.of(), Map.of("csrf", "x"));
            assertHeaders(path, response);
            if (path.equals("/console/sign-in") || path.startsWith("/console/assets/")) {
                if (route.getHttpMethod() == HttpMethod.POST) {
                    // Without the sign-in cookie no token matches.
                    assertThat(response.statusCode()).as(path).isEqualTo(403);
                }
                continue;
            }
            assertThat(response.statusCode())
                    .as(route.getHttpMethod() + " " + path)
                    .isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("/console/sign-in");
        }
    }

    @Test
    void everyPageOfASessionCarriesTheHeadersAndEscapesWhatItShows() {
        var session = console.signIn(acmeKey);
        for (var route : consoleRoutes()) {
            if (route.getHttpMethod() != HttpMethod.GET) {
                continue;
            }
            var path = concrete(route);
            var response = console.get(path, session);
            assertHeaders(path, response);
            assertThat(response.statusCode()).as(path).isIn(200, 303, 404);
            assertThat(response.body()).as(path).doesNotContain(acmeKey).doesNotContain(session.cookie());
        }
        var boards = console.get("/console/boards", session);
        assertThat(boards.statusCode()).isEqualTo(200);
        assertThat(boards.body()).contains("Acme &lt;b&gt;").doesNotContain("Acme <b>");
        assertThat(console.get("/console/assets/console.js", session).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(console.get("/console/assets/..%2Fapplication.yml", session).statusCode())
                .isEqualTo(404);
        assertThat(console.get("/console/no-such-page", session).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsContestIsNotFound() {
        var session = console.signIn(acmeKey);
        for (var path :
                List.of("/console/contests/" + globexContest, "/console/contests/" + globexContest + "/leaderboard")) {
            var response = console.get(path, session);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Globex calls");
        }
        assertThat(console.get("/console/contests", session).body()).doesNotContain("Globex calls");
    }

    @Test
    void aFormWithoutItsTokenOrFromAnotherOriginIsRefused() {
        var session = console.signIn(acmeKey);
        var noToken = console.post("/console/sign-out", Map.of("Cookie", session.header()), Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        var wrongToken =
                console.post("/console/sign-out", Map.of("Cookie", session.header()), Map.of("csrf", "A".repeat(43)));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        var crossOrigin = console.post(
                "/console/sign-out",
                Map.of("Cookie", session.header(), "Origin", "https://evil.example"),
                Map.of("csrf", session.csrf()));
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        var crossSite = console.post(
                "/console/sign-out",
                Map.of("Cookie", session.header(), "Sec-Fetch-Site", "cross-site"),
                Map.of("csrf", session.csrf()));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // The session survived all three.
        assertThat(console.get("/console/boards", session).statusCode()).isEqualTo(200);

        var page = console.get("/console/sign-in", Map.of());
        var cookie = ConsoleHttp.cookie(page, "scoreline_console_signin").orElseThrow();
        var signInWithoutToken = console.post(
                "/console/sign-in", Map.of("Cookie", "scoreline_console_signin=" + cookie), Map.of("key", acmeKey));
        assertThat(signInWithoutToken.statusCode()).isEqualTo(403);
        assertThat(ConsoleHttp.setCookie(signInWithoutToken, ConsoleHttp.SESSION_COOKIE))
                .isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndScopedAndAWrongKeyOpensNothing() {
        var page = console.get("/console/sign-in", Map.of());
        var signInCookie = ConsoleHttp.cookie(page, "scoreline_console_signin").orElseThrow();
        var posted = console.post(
                "/console/sign-in",
                Map.of("Cookie", "scoreline_console_signin=" + signInCookie),
                Map.of("csrf", ConsoleHttp.csrf(page.body()), "key", acmeKey));
        var header = ConsoleHttp.setCookie(posted, ConsoleHttp.SESSION_COOKIE).orElseThrow();
        assertThat(header)
                .containsIgnoringCase("HTTPOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console");
        // Plain HTTP here: Secure would keep the browser from sending it back.
        assertThat(header).doesNotContainIgnoringCase("Secure");
        assertThat(header).doesNotContain(acmeKey);

        var wrong = console.post(
                "/console/sign-in",
                Map.of("Cookie", "scoreline_console_signin=" + signInCookie),
                Map.of("csrf", ConsoleHttp.csrf(page.body()), "key", acmeKey.substring(0, acmeKey.length() - 1) + "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("does not work").doesNotContain(acmeKey.substring(12));
        assertThat(ConsoleHttp.setCookie(wrong, ConsoleHttp.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void signOutEndsTheSession() {
        var session = console.signIn(acmeKey);
        var out = console.post("/console/sign-out", Map.of("Cookie", session.header()), Map.of("csrf", session.csrf()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(ConsoleHttp.setCookie(out, ConsoleHttp.SESSION_COOKIE))
                .hasValueSatisfying(h -> assertThat(h).contains("Max-Age=0"));
        assertThat(console.get("/console/boards", session).statusCode()).isEqualTo(303);
    }

    @Test
    void anExpiredAnIdleAndARevokedKeysSessionEnd() throws Exception {
        var expired = console.signIn(acmeKey);
        var idle = console.signIn(acmeKey);
        try (var owner = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            owner.createStatement()
                    .executeUpdate("update console_sessions set expires_at = now() - interval '1 second' "
                            + "where id_hash = encode(sha256('" + expired.cookie() + "'::bytea), 'hex')");
            owner.createStatement()
                    .executeUpdate("update console_sessions set last_seen_at = now() - interval '31 minutes' "
                            + "where id_hash = encode(sha256('" + idle.cookie() + "'::bytea), 'hex')");
        }
        assertThat(console.get("/console/boards", expired).statusCode()).isEqualTo(303);
        assertThat(console.get("/console/boards", idle).statusCode()).isEqualTo(303);

        var other = ApiKeysForTests.create(server, "acme", "short-lived", "read");
        var revoked = console.signIn(other.get("key").asText());
        assertThat(console.get("/console/boards", revoked).statusCode()).isEqualTo(200);
        CliRun.succeeded(
                server.environment(),
                "apikey",
                "revoke",
                "--id",
                other.get("id").asText());
        assertThat(console.get("/console/boards", revoked).statusCode()).isEqualTo(303);
        // The sessions of the other key live on.
        assertThat(acmeKeyId).isNotEqualTo(other.get("id").asLong());
        assertThat(console.get("/console/boards", console.signIn(acmeKey)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPlatformKeyPicksAnOrganizationFirstAndSeesOnlyThat() {
        var platform = CliRun.succeeded(
                        server.environment(), "apikey", "create", "--platform", "--name", "ops", "--json")
                .lastJson()
                .get("key")
                .asText();
        var session = console.signIn(platform);
        assertThat(console.get("/console/boards", session).headers().firstValue("Location"))
                .hasValue("/console/organizations");
        var picker = console.get("/console/organizations", session);
        assertThat(picker.body()).contains("Globex").contains("Acme &lt;b&gt;");
        var globexId = picker.body().replaceAll("(?s).*<option value=\"(\\d+)\">Globex.*", "$1");
        var picked = console.post(
                "/console/organizations",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "organization", globexId));
        assertThat(picked.statusCode()).isEqualTo(303);
        assertThat(console.get("/console/contests/" + globexContest, session).statusCode())
                .isEqualTo(200);
        // Picked once: the session does not move to another organization.
        var again = console.post(
                "/console/organizations",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "organization", globexId));
        assertThat(again.statusCode()).isEqualTo(404);
    }

    private static List<UriRouteInfo<?, ?>> consoleRoutes() {
        return server.bean(Router.class)
                .uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/console"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS)
                .<UriRouteInfo<?, ?>>map(r -> r)
                .toList();
    }

    /** A path for the route: ids are 1 (found or not, the answer must carry the headers). */
    private static String concrete(UriRouteInfo<?, ?> route) {
        var template = route.getUriMatchTemplate().toString();
        return TEMPLATE_VARIABLE.matcher(template).replaceAll(m -> m.group().contains("name") ? "console.css" : "1");
    }

    private static void assertHeaders(String path, HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy"))
                .as(path)
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("form-action 'self'")
                        .contains("base-uri 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        assertThat(headers.firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
}
