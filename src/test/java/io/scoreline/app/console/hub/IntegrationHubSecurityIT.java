package io.scoreline.app.console.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ConsoleHttp;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's routes against a hostile caller, with a plain HTTP client: another organization's
 * integration answers 404 on every page and action, a form without its token 403, a read key
 * sees no form that changes something and is refused (403) when it posts one anyway, and only an
 * admin key connects an account or makes an endpoint secret. The CRM is unreachable on purpose:
 * nothing here may get as far as calling it.
 */
class IntegrationHubSecurityIT {

    private static ScorelineServer server;
    private static ConsoleHttp console;
    private static String acmeWrite;
    private static String acmeRead;
    private static String acmeIntegration;
    private static String globexIntegration;

    @BeforeAll
    static void twoOrganizationsWithAnIntegrationEach() throws Exception {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        console = new ConsoleHttp(server);
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "UTC");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "UTC");
        var credentials = Files.createTempFile("hub", ".properties");
        Files.writeString(credentials, "client_id=c\nclient_secret=s\nrefresh_token=r\n");
        acmeIntegration = add("acme", credentials.toString());
        globexIntegration = add("globex", credentials.toString());
        Files.delete(credentials);
        acmeWrite = ApiKeysForTests.create(server, "acme", "console", "write")
                .get("key")
                .asText();
        acmeRead = ApiKeysForTests.create(server, "acme", "viewer", "read")
                .get("key")
                .asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anotherOrganizationsIntegrationIsNotFoundOnEveryPageAndAction() {
        var session = console.signIn(acmeWrite);
        var base = "/console/integrations/" + globexIntegration;
        for (var path : List.of(base, base + "/users", base + "/backfill?from=2026-01-01&to=2026-01-02")) {
            var response = console.get(path, session);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        for (var action : List.of("/pause", "/resume", "/sync", "/test", "/users/sync")) {
            var response =
                    console.post(base + action, Map.of("Cookie", session.header()), Map.of("csrf", session.csrf()));
            assertThat(response.statusCode()).as(action).isEqualTo(404);
        }
        var link = console.post(
                base + "/users/link",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "crm_user_id", "u1", "profile_id", "1"));
        assertThat(link.statusCode()).isEqualTo(404);
        var backfill = console.post(
                base + "/backfill",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "from", "2026-01-01", "to", "2026-01-02"));
        assertThat(backfill.statusCode()).isEqualTo(404);
        var list = console.get("/console/integrations", session);
        assertThat(list.body())
                .contains("/console/integrations/" + acmeIntegration + "\"")
                .doesNotContain("/console/integrations/" + globexIntegration + "\"");
        // Still there, still active: nothing above touched it.
        assertThat(cli("integration", "list", "--org", "globex", "--json").out())
                .contains("\"active\"");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        var session = console.signIn(acmeWrite);
        var response = console.post(
                "/console/integrations/" + acmeIntegration + "/pause", Map.of("Cookie", session.header()), Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(console.get("/console/integrations/" + acmeIntegration, session)
                        .body())
                .contains("data-test=\"status\">active<");
    }

    @Test
    void aReadKeySeesNoFormThatChangesSomethingAndIsRefusedWhenItPostsOne() {
        var session = console.signIn(acmeRead);
        var page = console.get("/console/integrations/" + acmeIntegration, session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("/pause\"")
                .doesNotContain("/sync\"")
                .doesNotContain("data-test=\"backfill\"");
        assertThat(console.get("/console/integrations", session).body()).doesNotContain("data-test=\"connect\"");
        for (var action : List.of("/pause", "/sync", "/users/sync", "/endpoint-secret")) {
            var response = console.post(
                    "/console/integrations/" + acmeIntegration + action,
                    Map.of("Cookie", session.header()),
                    Map.of("csrf", session.csrf()));
            assertThat(response.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(console.get(
                                "/console/integrations/" + acmeIntegration + "/backfill?from=2026-01-01&to=2026-01-02",
                                session)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void onlyAnAdminKeyConnectsAnAccountOrMakesAnEndpointSecret() {
        var session = console.signIn(acmeWrite);
        var connect = console.post(
                "/console/integrations",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "provider", "hubspot", "private_app_token", "pat-x"));
        assertThat(connect.statusCode()).isEqualTo(403);
        var secret = console.post(
                "/console/integrations/" + acmeIntegration + "/endpoint-secret",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf()));
        assertThat(secret.statusCode()).isEqualTo(403);

        var admin = console.signIn(ApiKeysForTests.create(server, "acme", "admin", "admin")
                .get("key")
                .asText());
        var rotated = console.post(
                "/console/integrations/" + acmeIntegration + "/endpoint-secret",
                Map.of("Cookie", admin.header()),
                Map.of("csrf", admin.csrf()));
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).containsPattern("data-test=\"endpoint-path\">/[^<]*" + acmeIntegration + "[^<]*<");
        var foreign = console.post(
                "/console/integrations/" + globexIntegration + "/endpoint-secret",
                Map.of("Cookie", admin.header()),
                Map.of("csrf", admin.csrf()));
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    private static String add(String org, String credentials) {
        return cli(
                        "integration",
                        "add",
                        "--org",
                        org,
                        "--provider",
                        "salesforce",
                        "--login-url",
                        "http://127.0.0.1:9",
                        "--credentials-file",
                        credentials,
                        "--json")
                .lastJson()
                .get("id")
                .asText();
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }
}
