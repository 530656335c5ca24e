package io.scoreline.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ConsoleBrowser;
import io.scoreline.testing.ConsoleHttp;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The Mappings pages against the real server, an organization on the HubSpot simulator with a
 * backfill's stored records: in a browser, a rule typed with a mistake shows its error at its line,
 * the fix shows the preview, save shows the diff and the new active version, and an older one is
 * made active again (screenshots: target/console-screenshots/); without the script, the plain
 * form lists the problems as LINE:COL; another organization's integration answers 404 and a form
 * without its token 403.
 */
class MappingConsoleIT {

    /** The simulator's yesterday in its own zone (New York), whatever the hour in UTC. */
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();

    private static final String MISTAKE = """
            provider: hubspot
            kpis:
              calls_made:
                object: calls
                when: hs_call_statu = 'COMPLETED'
            """;
    private static final String FIXED = MISTAKE.replace("hs_call_statu ", "hs_call_status ");

    private static ScorelineServer server;
    private static RunningSimulators crm;
    private static long integration;
    private static String key;
    private static String globexKey;

    @BeforeAll
    static void organizationOnTheSimulatorWithStoredRecords() throws Exception {
        ConsoleBrowser.requireInstalled();
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        crm = Simulators.start(
                SimulatorOptions.defaults().withSeed(5).withVolume(3, 5).withLastDay(LAST_DAY));
        cli("org", "create", "--slug", "acme", "--name", "Acme Sales", "--timezone", "America/New_York");
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "UTC");
        var hs = crm.hubSpot();
        var credentials = Files.createTempFile("mapping", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        integration = cli(
                        "integration",
                        "add",
                        "--org",
                        "acme",
                        "--provider",
                        "hubspot",
                        "--portal-id",
                        Long.toString(hs.portalId()),
                        "--base-url",
                        hs.baseUrl().toString(),
                        "--credentials-file",
                        credentials.toString(),
                        "--json")
                .lastJson()
                .get("id")
                .asLong();
        Files.delete(credentials);
        cli("mapping", "set", "--integration", Long.toString(integration), "--file", "mappings/hubspot.yaml");
        cli(
                "backfill",
                "--integration",
                Long.toString(integration),
                "--from",
                LAST_DAY.minusDays(2).toString(),
                "--to",
                LAST_DAY.toString(),
                "--json");
        key = ApiKeysForTests.create(server, "acme", "console", "write")
                .get("key")
                .asText();
        globexKey = ApiKeysForTests.create(server, "globex", "console", "write")
                .get("key")
                .asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void aMistakeShowsAtItsLineTheFixShowsThePreviewAndSaveShowsTheDiff() {
        try (var browser = ConsoleBrowser.open(server, "mapping-editor")) {
            browser.signIn(key);
            browser.go("/console/mappings");
            browser.find("[data-test=integrations] a").click();
            browser.waitUntil(d -> browser.path().equals("/console/mappings/" + integration));
            assertThat(browser.find("#document").getAttribute("value")).contains("calls_made");
            browser.step("editor");

            var area = browser.find("#document");
            area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            area.sendKeys(MISTAKE);
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#problems li.problem-error[data-line='5']"))
                    .isEmpty());
            assertThat(browser.find("#problems li.problem-error").getText())
                    .startsWith("5:")
                    .contains("hs_call_statu");
            assertThat(browser.find("#gutter .error").getText()).isEqualTo("5");
            browser.step("error-at-its-line");

            area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            area.sendKeys(FIXED);
            browser.waitUntil(d ->
                    !d.findElements(By.cssSelector("[data-test=no-problems]")).isEmpty());
            var preview = browser.find("[data-test=preview]").getText();
            assertThat(preview).contains("calls_made").contains("against active version 1");
            browser.step("preview");

            browser.find("[data-test=save]").click();
            browser.waitUntil(d -> browser.path().endsWith("/versions/2"));
            assertThat(browser.find("[data-test=notice]").getText()).contains("Saved as version 2");
            assertThat(browser.find("[data-test=status]").getText()).startsWith("Active version");
            assertThat(browser.find("[data-test=diff]").getText()).contains("hs_call_status");
            browser.step("saved-with-diff");

            browser.go("/console/mappings/" + integration + "/versions/1");
            browser.find("[data-test=activate]").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("done=activated"));
            assertThat(browser.find("[data-test=status]").getText()).startsWith("Active version");
            browser.step("rolled-back");
        }
        assertThat(server.bean(RuleSetVersions.class).active(integration).version())
                .isEqualTo(1);
    }

    @Test
    void withoutTheScriptTheFormListsProblemsAsLineAndColumn() {
        var console = new ConsoleHttp(server);
        var session = console.signIn(key);
        var checked = console.post(
                "/console/mappings/" + integration + "/check",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "document", MISTAKE));
        assertThat(checked.statusCode()).isEqualTo(422);
        assertThat(checked.body()).containsPattern("data-line=\"5\"[^>]*>5:\\d+: [^<]*hs_call_statu");
        var fixed = console.post(
                "/console/mappings/" + integration + "/check",
                Map.of("Cookie", session.header()),
                Map.of("csrf", session.csrf(), "document", FIXED));
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).contains("No problems.").contains("<td>calls_made</td>");
    }

    @Test
    void anotherOrganizationsIntegrationIsNotFoundAndAFormWithoutItsTokenIsRefused() {
        var console = new ConsoleHttp(server);
        var globex = console.signIn(globexKey);
        for (var path :
                new String[] {"/console/mappings/" + integration, "/console/mappings/" + integration + "/versions/1"}) {
            var response = console.get(path, globex);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("calls_made");
        }
        var foreignPreview = console.post(
                "/console/mappings/" + integration + "/preview",
                Map.of("Cookie", globex.header()),
                Map.of("csrf", globex.csrf(), "document", FIXED));
        assertThat(foreignPreview.statusCode()).isEqualTo(404);

        var acme = console.signIn(key);
        var before = server.bean(RuleSetVersions.class).versions(integration).size();
        var noToken = console.post(
                "/console/mappings/" + integration + "/save",
                Map.of("Cookie", acme.header()),
                Map.of("document", FIXED));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(server.bean(RuleSetVersions.class).versions(integration)).hasSize(before);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }
}
