package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contests ranked by percent of goal (ADR 0046) through the API and the CLI on one server: the same
 * request gives the same contest with its {@code rank_by} and goal period, the board says what it
 * ranks by, and bad requests are refused by both in the same words.
 */
class PercentOfGoalContestApiIT {

    private static ScorelineServer server;
    private static String writeKey;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        writeKey = ApiKeysForTests.create(server, "acme", "write key", "write")
                .get("key")
                .asText();
        for (var name : List.of("ann", "bob")) {
            cli("profile", "create", "--org", "acme", "--email", name + "@acme.test");
        }
        var acme = server.bean(OrganizationStore.class).require("acme");
        server.bean(TenantTransactions.class)
                .inOrganization(
                        acme.id(),
                        tx -> tx.execute(
                                "insert into kpi_definitions (organization_id, key, name) values (?, 'calls_made', 'Calls')",
                                acme.id()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theApiCreatesAContestRankedByPercentOfGoalAsTheCliDoesAndItsBoardSaysSo() {
        // Monday to Sunday of week 10 of 2031: the weekly goals apply.
        var api = create("{\"to\":\"2031-03-09\",\"rank_by\":\"percent_of_goal\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        var byApi = ApiClient.json(api.body());
        assertThat(byApi.get("rank_by").asText()).isEqualTo("percent_of_goal");
        assertThat(byApi.get("goal_period").asText()).isEqualTo("week:2031-W10");
        var byCli = ApiClient.json(CliRun.succeeded(
                        server.environment(),
                        "contest",
                        "create",
                        "--org",
                        "acme",
                        "--name",
                        "Even terms",
                        "--kpi",
                        "calls_made",
                        "--from",
                        "2031-03-03",
                        "--to",
                        "2031-03-09",
                        "--rank-by",
                        "percent_of_goal",
                        "--json")
                .outLines()
                .getLast());
        assertThat(withoutId(byApi)).isEqualTo(withoutId(byCli));

        var board = send("GET", "/api/v1/contests/" + byApi.get("id").asLong() + "/leaderboard", null);
        assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
        var json = ApiClient.json(board.body());
        assertThat(json.get("rank_by").asText()).isEqualTo("percent_of_goal");
        assertThat(json.get("goal_period").asText()).isEqualTo("week:2031-W10");
        assertThat(json.get("entries")).hasSize(2);

        // A contest ranked by value says so, with no goal period.
        var plain = ApiClient.json(create("{\"to\":\"2031-03-09\"}").body());
        assertThat(plain.get("rank_by").asText()).isEqualTo("value");
        assertThat(plain.get("goal_period").isNull()).isTrue();
        var listed = CliRun.succeeded(server.environment(), "contest", "list", "--org", "acme")
                .out();
        assertThat(listed).contains("% of week:2031-W10 goal").contains("value");
    }

    @Test
    void badRequestsAreRefusedByBothInTheSameWords() {
        refused(
                "{\"to\":\"2031-03-09\",\"rank_by\":\"goal\"}",
                "rank_by must be value or percent_of_goal, got 'goal'",
                "--rank-by must be value or percent_of_goal, got 'goal'",
                "--to",
                "2031-03-09",
                "--rank-by",
                "goal");
        // Wednesday 26 March to Tuesday 1 April 2031: across the first quarter's end.
        refused(
                "{\"from\":\"2031-03-26\",\"to\":\"2031-04-01\",\"rank_by\":\"percent_of_goal\"}",
                "2031-03-26 to 2031-04-01 spans week:2031-W13 and week:2031-W14",
                "2031-03-26 to 2031-04-01 spans week:2031-W13 and week:2031-W14",
                "--from",
                "2031-03-26",
                "--to",
                "2031-04-01",
                "--rank-by",
                "percent_of_goal");
        refused(
                "{\"to\":\"2031-03-09\",\"rank_by\":\"percent_of_goal\",\"format\":\"race\",\"target\":\"100\"}",
                "format race is ranked by value",
                "--format race is ranked by value",
                "--to",
                "2031-03-09",
                "--rank-by",
                "percent_of_goal",
                "--format",
                "race",
                "--target",
                "100");
    }

    private static void refused(String apiFields, String apiMessage, String cliMessage, String... cliOptions) {
        var api = create(apiFields);
        assertThat(ApiClient.assertProblem(api, 422, null).get("message").asText())
                .contains(apiMessage);
        var args = new ArrayList<>(
                List.of("contest", "create", "--org", "acme", "--name", "Even terms", "--kpi", "calls_made"));
        if (!List.of(cliOptions).contains("--from")) {
            args.addAll(List.of("--from", "2031-03-03"));
        }
        args.addAll(List.of(cliOptions));
        var cli = CliRun.run(server.environment(), args.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(cliMessage);
    }

    private static JsonNode withoutId(JsonNode contest) {
        var copy = (ObjectNode) contest.deepCopy();
        copy.remove("id");
        return copy;
    }

    /** A contest from Monday 3 March 2031 unless {@code fields} says otherwise. */
    private static HttpResponse<String> create(String fields) {
        var body = fields.contains("\"from\"")
                ? "{\"name\":\"Even terms\",\"kpi\":\"calls_made\"," + fields.substring(1)
                : "{\"name\":\"Even terms\",\"kpi\":\"calls_made\",\"from\":\"2031-03-03\"," + fields.substring(1);
        return send("POST", "/api/v1/contests", body);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return new ApiClient(server).send(method, path, body, writeKey);
    }
}
