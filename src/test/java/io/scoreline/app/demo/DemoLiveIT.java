package io.scoreline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's live phase, one minute of it: the simulators' activity reaches the server as signed
 * webhooks from both CRMs and the command ends on its own after the summary and its live lines.
 * Only what the server accepted synchronously is asserted, so a slow machine cannot fail it.
 */
class DemoLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveActivityArrivesAsWebhooksFromBothCrmsAndTheDemoEndsByItself() throws Exception {
        DatabaseEndpoint database = TestPostgres.freshDatabase();
        var run = CliRun.run(
                TestEnvironment.forDatabase(database),
                "demo",
                "--live-minutes",
                "1",
                "--reps",
                "2",
                "--days",
                "7",
                "--seed",
                "11",
                "--live-rate",
                "240",
                "--port",
                "0",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = run.outLines().stream()
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                })
                .toList();
        var summary =
                lines.stream().filter(l -> l.has("organization")).findFirst().orElseThrow();
        assertThat(summary.path("endpoints").path("hubspot_webhooks").asText()).endsWith("/webhooks/hubspot");
        assertThat(summary.path("endpoints").path("salesforce_webhooks").asText())
                .contains("/webhooks/salesforce/");

        var providers = new TreeSet<String>();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var rows = connection.createStatement().executeQuery("""
                        select distinct i.provider from webhook_inbox i join organizations o on o.id = i.organization_id
                        where o.slug = 'demo'""")) {
            while (rows.next()) {
                providers.add(rows.getString(1));
            }
        }
        assertThat(providers).containsExactly("hubspot", "salesforce");
    }
}
