package io.scoreline.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.gamification.KpiChangeDrain;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ConsoleBrowser;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (headless Chromium) against the real server, an organization on
 * the HubSpot simulator and a backfill: signing in with an organization key and with a platform
 * key, KPI totals by person and by team, a contest's leaderboard moving without a reload while a
 * second backfill lands, and a badge with its evidence. Screenshots: target/console-screenshots/.
 */
class ConsoleBrowserIT {

    /** The simulator's yesterday in its own zone (New York), whatever the hour in UTC. */
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();

    private static final LocalDate FIRST_DAY = LAST_DAY.minusDays(4);
    private static final String BADGE = "console_first_call";

    private static ScorelineServer server;
    private static RunningSimulators crm;
    private static String integration;
    private static String key;
    private static String platformKey;

    @BeforeAll
    static void organizationOnTheSimulatorWithABackfill() throws Exception {
        ConsoleBrowser.requireInstalled();
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        crm = Simulators.start(
                SimulatorOptions.defaults().withSeed(11).withVolume(3, 5).withLastDay(LAST_DAY));
        cli("org", "create", "--slug", "acme", "--name", "Acme Sales", "--timezone", "America/New_York");
        var hs = crm.hubSpot();
        var credentials = Files.createTempFile("console", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        integration = json(cli(
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
                        "--json"))
                .get("id")
                .asText();
        Files.delete(credentials);
        cli("mapping", "set", "--integration", integration, "--file", "mappings/hubspot.yaml");
        cli("users", "sync", "--integration", integration, "--create-profiles", "--json");
        var badges = Files.createTempFile("console", ".yaml");
        Files.writeString(badges, """
                badges:
                  - key: %s
                    name: First call of the day
                    category: calling
                    rule: { kind: threshold, kpi: calls_made, period: day, at_least: 1 }
                """.formatted(BADGE));
        cli("badges", "add", "--org", "acme", "--file", badges.toString(), "--json");
        Files.delete(badges);
        // Before the backfill, so that its values move the board.
        cli(
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "Call sprint",
                "--kpi",
                "calls_made",
                "--from",
                FIRST_DAY.toString(),
                "--to",
                LAST_DAY.plusDays(5).toString(),
                "--json");
        // Live before the data: the evaluator builds the board from the backfill's KPI changes.
        server.bean(ContestLifecycle.class).tick();
        backfill(FIRST_DAY, LAST_DAY.minusDays(2));
        key = ApiKeysForTests.create(server, "acme", "console", "write")
                .get("key")
                .asText();
        platformKey = json(cli("apikey", "create", "--platform", "--name", "ops", "--json"))
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
    void anOrganizationKeySignsInAndSeesKpiTotalsByPersonAndByTeam() {
        try (var browser = ConsoleBrowser.open(server, "kpi-totals")) {
            browser.signIn(key);
            assertThat(browser.path()).isEqualTo("/console/boards");
            assertThat(browser.find("[data-test=organization]").getText()).isEqualTo("Acme Sales");
            browser.go("/console/boards?from=" + FIRST_DAY + "&to=" + LAST_DAY);
            var rows = browser.driver().findElements(By.cssSelector("[data-test=person-totals] tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(rows).anySatisfy(row -> assertThat(row.getText()).contains("calls_made"));
            browser.step("totals-by-person");

            new Select(browser.find("#by")).selectByValue("team");
            browser.find("form.inline button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("by=team"));
            assertThat(browser.find("[data-test=team-totals] caption").getText())
                    .contains(FIRST_DAY.toString());
            browser.step("totals-by-team");
        }
    }

    @Test
    void aPlatformKeyPicksTheOrganizationFirst() {
        try (var browser = ConsoleBrowser.open(server, "platform-key")) {
            browser.signIn(platformKey);
            assertThat(browser.path()).isEqualTo("/console/organizations");
            browser.step("pick-organization");
            new Select(browser.find("#organization")).selectByVisibleText("Acme Sales (acme)");
            browser.find("main form button").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/console/boards"));
            assertThat(browser.find("[data-test=organization]").getText()).isEqualTo("Acme Sales");
            browser.step("boards");
        }
    }

    @Test
    void theLeaderboardMovesWithoutAReload() {
        try (var browser = ConsoleBrowser.open(server, "live-leaderboard")) {
            browser.signIn(key);
            browser.go("/console/contests");
            browser.driver().findElement(By.linkText("Call sprint")).click();
            browser.waitUntil(d ->
                    !d.findElements(By.cssSelector("[data-test=leaderboard]")).isEmpty());
            var board = browser.find("[data-test=leaderboard]");
            var before = board.getText();
            browser.step("leaderboard-before");
            var page = (JavascriptExecutor) browser.driver();
            // A reload would drop this: it proves the board changed in place.
            page.executeScript("window.consoleTestMarker = 'still here';");

            backfill(LAST_DAY.minusDays(1), LAST_DAY);

            browser.waitUntil(d -> !d.findElement(By.cssSelector("[data-test=leaderboard]"))
                    .getText()
                    .equals(before));
            assertThat(page.executeScript("return window.consoleTestMarker;")).isEqualTo("still here");
            assertThat(browser.find("[data-test=leaderboard]").getAttribute("data-refreshed"))
                    .isNotBlank();
            browser.step("leaderboard-after");
        }
    }

    @Test
    void aBadgeShowsItsEvidence() {
        try (var browser = ConsoleBrowser.open(server, "badge-evidence")) {
            browser.signIn(key);
            browser.go("/console/badges");
            var award = browser.find("[data-test=award][data-badge=" + BADGE + "]");
            assertThat(award.findElement(By.cssSelector("[data-test=rule]")).getText())
                    .contains("calls_made")
                    .contains("threshold");
            assertThat(award.findElement(By.cssSelector("[data-test=window]")).getText())
                    .isNotBlank();
            assertThat(award.findElement(By.cssSelector("[data-test=value]")).getText())
                    .contains("threshold 1");
            assertThat(award.findElements(By.cssSelector("[data-test=records] tbody tr")))
                    .isNotEmpty();
            browser.step("badges");
            browser.go("/console/notifications");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=notifications] tbody tr")))
                    .isNotEmpty();
            browser.step("notifications");
        }
    }

    private static void backfill(LocalDate from, LocalDate to) {
        cli(
                "backfill",
                "--integration",
                integration,
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--notify",
                "--json");
        server.bean(KpiChangeDrain.class).drainUntilEmpty();
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode json(CliRun run) {
        return run.lastJson();
    }
}
