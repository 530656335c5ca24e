package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SalesOrgChart;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code users sync --teams-from-crm} against both simulators: Salesforce's role hierarchy becomes
 * the team tree and {@code ManagerId} the manager; HubSpot's primary owner team becomes the team.
 * After a re-org in the CRM (the simulators' org chart moves a rep), a re-run moves exactly that
 * person and says so.
 */
class TeamsFromCrmCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSimulators sims;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(37)
                .withVolume(8, 2)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    private static CliRun ok(String... args) {
        var run = CliRun.run(env, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out().strip());
    }

    private static List<JsonNode> jsonLines(CliRun run) throws Exception {
        var lines = new java.util.ArrayList<JsonNode>();
        for (var line : run.outLines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static String salesforce() throws Exception {
        var sf = sims.salesforce();
        var credentials = Files.createTempFile("sf", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + sf.clientId() + "\nclient_secret=" + sf.clientSecret() + "\nrefresh_token="
                        + sf.refreshToken() + "\n");
        ok("org", "create", "--slug", "sfteams", "--name", "SF teams", "--timezone", "Europe/Berlin");
        var added = ok(
                "integration",
                "add",
                "--org",
                "sfteams",
                "--provider",
                "salesforce",
                "--login-url",
                sf.loginUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        return Long.toString(json(added).get("id").asLong());
    }

    private static String hubSpot() throws Exception {
        var hs = sims.hubSpot();
        var credentials = Files.createTempFile("hs", ".properties");
        Files.writeString(
                credentials,
                "client_id=" + hs.clientId() + "\nclient_secret=" + hs.clientSecret() + "\nrefresh_token="
                        + hs.refreshToken() + "\n");
        ok("org", "create", "--slug", "hsteams", "--name", "HS teams", "--timezone", "Europe/Berlin");
        var added = ok(
                "integration",
                "add",
                "--org",
                "hsteams",
                "--provider",
                "hubspot",
                "--portal-id",
                Long.toString(hs.portalId()),
                "--base-url",
                hs.baseUrl().toString(),
                "--credentials-file",
                credentials.toString(),
                "--json");
        return Long.toString(json(added).get("id").asLong());
    }

    /** email to "team|manager" for every profile of the organization. */
    private static Map<String, String> placement(String org) throws Exception {
        var placed = new HashMap<String, String>();
        for (var p : jsonLines(ok("profile", "list", "--org", org, "--json"))) {
            placed.put(
                    p.get("email").asText(),
                    p.path("team").asText("-") + "|" + p.path("manager").asText("-"));
        }
        return placed;
    }

    private static List<Rep> activeReps() {
        return sims.dataset().reps().stream().filter(Rep::active).toList();
    }

    @Test
    void teamsAndManagersComeFromBothCrmsAndAReorgMovesExactlyThePersonMoved() throws Exception {
        var chart = sims.dataset().orgChart();
        var sf = salesforce();
        var hs = hubSpot();

        var first = json(ok("users", "sync", "--integration", sf, "--create-profiles", "--teams-from-crm", "--json"));
        assertThat(first.get("moves")).hasSize(activeReps().size());
        var placed = placement("sfteams");
        for (var rep : activeReps()) {
            var manager = chart.managerOf(rep.number());
            var managerEmail = manager.isPresent()
                            && sims.dataset().rep(manager.getAsInt()).active()
                    ? sims.dataset().rep(manager.getAsInt()).email()
                    : "-";
            assertThat(placed).containsEntry(rep.email(), chart.teamOf(rep.number()) + "|" + managerEmail);
        }
        // The role hierarchy is the team tree: every team sits under its role's parent.
        for (var team : jsonLines(ok("team", "list", "--org", "sfteams", "--json"))) {
            assertThat(team.path("parent").isNull() ? null : team.path("parent").asText())
                    .as(team.get("name").asText())
                    .isEqualTo(SalesOrgChart.parentOf(team.get("name").asText()).orElse(null));
        }

        var hsFirst = json(ok("users", "sync", "--integration", hs, "--create-profiles", "--teams-from-crm", "--json"));
        assertThat(hsFirst.get("moves")).hasSize(activeReps().size());
        var hsPlaced = placement("hsteams");
        for (var rep : activeReps()) {
            // HubSpot teams are flat and owners have no manager.
            assertThat(hsPlaced).containsEntry(rep.email(), chart.teamOf(rep.number()) + "|-");
        }
        assertThat(jsonLines(ok("team", "list", "--org", "hsteams", "--json")))
                .allMatch(team -> team.get("depth").asInt() == 0);

        // Unchanged CRM: a re-run moves nobody.
        assertThat(json(ok("users", "sync", "--integration", sf, "--teams-from-crm", "--json"))
                        .get("moves"))
                .isEmpty();

        // A re-org in the CRM: one rep changes team; both re-runs move exactly that person and say so.
        var moved =
                activeReps().stream().filter(r -> r.number() > 0).findFirst().orElseThrow();
        var from = chart.teamOf(moved.number());
        var to = from.equals("Inbound") ? "Outbound EMEA" : "Inbound";
        chart.move(moved.number(), to);

        var sfAgain = ok("users", "sync", "--integration", sf, "--teams-from-crm");
        assertThat(sfAgain.out())
                .contains("1 people moved")
                .contains("moved " + moved.email() + ": " + from + " -> " + to);
        var hsAgain = json(ok("users", "sync", "--integration", hs, "--teams-from-crm", "--json"));
        assertThat(hsAgain.get("moves")).hasSize(1);
        assertThat(hsAgain.get("moves").get(0).get("email").asText()).isEqualTo(moved.email());
        assertThat(hsAgain.get("moves").get(0).get("from").asText()).isEqualTo(from);
        assertThat(hsAgain.get("moves").get(0).get("to").asText()).isEqualTo(to);
        assertThat(placement("sfteams").get(moved.email())).startsWith(to + "|");
        assertThat(placement("hsteams").get(moved.email())).startsWith(to + "|");

        // Without the flag, users sync leaves teams alone and prints no moves.
        assertThat(json(ok("users", "sync", "--integration", sf, "--json")).has("moves"))
                .isFalse();
    }
}
