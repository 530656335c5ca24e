package io.scoreline.app.console.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ConsoleBrowser;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Integration Hub in a real browser (headless Chromium) against the real server and the
 * HubSpot simulator: connect with a pasted private-app token, estimate a backfill, start it and
 * watch its progress to the end, read the CRM's users and link an unmatched one to a profile.
 * Screenshots: target/console-screenshots/integration-hub/.
 */
class IntegrationHubBrowserIT {

    /** The simulator's yesterday in its own zone (New York), whatever the hour in UTC. */
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();

    private static ScorelineServer server;
    private static RunningSimulators crm;
    private static String adminKey;

    @BeforeAll
    static void organizationAndASimulator() {
        ConsoleBrowser.requireInstalled();
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        crm = Simulators.start(
                SimulatorOptions.defaults().withSeed(23).withVolume(3, 5).withLastDay(LAST_DAY));
        cli("org", "create", "--slug", "acme", "--name", "Acme Sales", "--timezone", "America/New_York");
        adminKey = ApiKeysForTests.create(server, "acme", "console", "admin")
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
    void connectWithATokenBackfillWithProgressAndLinkAnUnmatchedUser() {
        var hs = crm.hubSpot();
        try (var browser = ConsoleBrowser.open(server, "integration-hub")) {
            browser.signIn(adminKey);
            browser.go("/console/integrations");
            assertThat(browser.find("[data-test=oauth-slot]").getText()).contains("Connect with Salesforce / HubSpot");
            browser.step("no-integration-yet");

            new Select(browser.find("#provider")).selectByValue("hubspot");
            browser.find("#private_app_token").sendKeys(hs.privateAppToken());
            browser.find("#portal_id").sendKeys(Long.toString(hs.portalId()));
            browser.find("#base_url").sendKeys(hs.baseUrl().toString());
            browser.step("connect-form");
            browser.find("[data-test=connect] button").click();
            browser.waitUntil(d -> d.getCurrentUrl().matches(".*/console/integrations/\\d+$"));
            var integration = browser.path().substring("/console/integrations/".length());
            assertThat(browser.find("[data-test=status]").getText()).isEqualTo("active");
            assertThat(browser.driver().getPageSource()).doesNotContain(hs.privateAppToken());
            browser.step("connected");

            browser.find("form[action$='/test'] button").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/test"));
            assertThat(browser.find("[data-test=check]").getText()).contains("connection ok");
            browser.step("tested");

            // The rules are the mapping editor's page; here the CLI sets the stock ones.
            cli("mapping", "set", "--integration", integration, "--file", "mappings/hubspot.yaml");
            browser.go("/console/integrations/" + integration);
            setDate(browser, "#from", LAST_DAY.minusDays(4));
            setDate(browser, "#to", LAST_DAY);
            browser.find("[data-test=backfill] button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/backfill?"));
            assertThat(Long.parseLong(browser.find("[data-test=records]").getText()))
                    .isPositive();
            assertThat(Long.parseLong(browser.find("[data-test=api-calls]").getText()))
                    .isPositive();
            browser.step("backfill-estimate");

            browser.find("[data-test=start-backfill] button").click();
            browser.waitUntil(d -> d.getCurrentUrl().matches(".*/console/runs/\\d+$"));
            browser.step("backfill-started");
            // The status is polled into the page in place: no reload, the marker survives.
            var page = (JavascriptExecutor) browser.driver();
            page.executeScript("window.hubTestMarker = 'still here';");
            browser.waitUntil(d -> d.findElement(By.cssSelector("[data-test=run-status]"))
                    .getText()
                    .equals("succeeded"));
            assertThat(page.executeScript("return window.hubTestMarker;")).isEqualTo("still here");
            assertThat(Long.parseLong(browser.find("[data-test=run-records]").getText()))
                    .isPositive();
            browser.step("backfill-finished");

            browser.go("/console/integrations/" + integration + "/users");
            browser.find("[data-test=users-sync] button").click();
            browser.waitUntil(d ->
                    !d.findElements(By.cssSelector("[data-test=users-synced]")).isEmpty());
            browser.step("users-synced");

            browser.go("/console/integrations/" + integration + "/users");
            var rows = browser.driver().findElements(By.cssSelector("[data-test=unmatched-user]"));
            assertThat(rows).isNotEmpty();
            WebElement first = rows.getFirst();
            var crmUser = first.getAttribute("data-crm-user");
            // A person the CRM knows under another address.
            cli("profile", "create", "--org", "acme", "--email", "renamed@acme.example");
            browser.go("/console/integrations/" + integration + "/users");
            var row = browser.find("[data-test=unmatched-user][data-crm-user='" + crmUser + "']");
            new Select(row.findElement(By.cssSelector("select"))).selectByVisibleText("renamed@acme.example");
            browser.step("link-choice");
            row.findElement(By.cssSelector("button")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("[data-crm-user='" + crmUser + "']"))
                    .isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=unmatched-user]")))
                    .hasSize(rows.size() - 1);
            browser.step("linked");
        }
    }

    private static void setDate(ConsoleBrowser browser, String css, LocalDate day) {
        // A date input's typing order follows the browser's locale; its value does not.
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1];", browser.find(css), day.toString());
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }
}
