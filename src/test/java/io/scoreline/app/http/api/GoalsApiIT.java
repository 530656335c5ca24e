package io.scoreline.app.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.ApiKeysForTests;
import io.scoreline.testing.AuditTrail;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goals through {@code /api/v1/goals} and the {@code goal} commands against the real server and
 * database: the API's bodies equal the CLI's {@code --json}, bad input is refused with the field,
 * another organization's goal ids are 404, a read key cannot write, writes are audited.
 */
class GoalsApiIT {

    private static ScorelineServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        api = new ApiClient(server);
        for (var slug : List.of("acme", "globex")) {
            cli("org", "create", "--slug", slug, "--name", slug.toUpperCase(), "--timezone", "Europe/Berlin");
            cli("team", "create", "--org", slug, "--name", "Sales");
            cli("team", "create", "--org", slug, "--name", "Inner", "--parent", "Sales");
            cli("profile", "create", "--org", slug, "--email", "ann@" + slug + ".test", "--team", "Sales");
            cli("profile", "create", "--org", slug, "--email", "bob@" + slug + ".test", "--team", "Inner");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theApiAndTheCliSetListShowProgressAndRemoveTheSameGoals() {
        var key = ApiKeysForTests.create(server, "acme", "goals", "write")
                .get("key")
                .asText();
        long org = organizationId("acme");
        // Last month: an ended period, every working day elapsed, whatever day the test runs.
        var lastMonth = LocalDate.now().minusMonths(1).withDayOfMonth(10);
        value(org, "ann@acme.test", lastMonth, 30);
        value(org, "bob@acme.test", lastMonth, 50);

        var viaCli = CliRun.succeeded(
                        server.environment(),
                        "goal",
                        "set",
                        "--org",
                        "acme",
                        "--kpi",
                        "calls_made",
                        "--period",
                        "month",
                        "--target",
                        "100",
                        "--team-members",
                        "Sales",
                        "--json")
                .lastJson();
        var viaApi = ApiClient.json(created(api.send(
                "POST",
                "/api/v1/goals",
                "{\"kpi\":\"calls_made\",\"period\":\"month\",\"target\":400,\"team\":\"Sales\"}",
                key)));
        assertThat(viaApi.get("subject").asText()).isEqualTo("team");
        assertThat(viaApi.get("name").asText()).isEqualTo("Sales");
        assertThat(viaApi.get("target").decimalValue()).isEqualByComparingTo("400");
        var listed = ApiClient.json(ok(api.get("/api/v1/goals", key))).get("items");
        var cliList = CliRun.succeeded(server.environment(), "goal", "list", "--org", "acme", "--json")
                .jsonLines();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(cliList);
        assertThat(listed).contains(viaCli, viaApi);

        // Goals start in the current period: last month has none, so progress is read for this month.
        var apiProgress =
                ApiClient.json(ok(api.get("/api/v1/goals/progress?team=Sales&kpi=calls_made&period=month", key)));
        var cliProgress = CliRun.succeeded(
                        server.environment(),
                        "goal",
                        "progress",
                        "--org",
                        "acme",
                        "--kpi",
                        "calls_made",
                        "--period",
                        "month",
                        "--team",
                        "Sales",
                        "--json")
                .lastJson();
        assertThat(apiProgress).isEqualTo(cliProgress);
        assertThat(apiProgress.get("goal_subject").asText()).isEqualTo("team");
        var bob = ApiClient.json(
                ok(api.get("/api/v1/goals/progress?person=bob@acme.test&kpi=calls_made&period=month", key)));
        assertThat(bob.get("goal_subject").asText()).isEqualTo("team_members");
        assertThat(bob.get("goal_name").asText()).isEqualTo("Sales");
        assertThat(bob.get("target").decimalValue()).isEqualByComparingTo("100");
        assertThat(bob.has("ahead_by")).isTrue();
        assertThat(ApiClient.assertProblem(
                                api.get(
                                        "/api/v1/goals/progress?person=bob@acme.test&kpi=calls_made&period=month&date="
                                                + lastMonth,
                                        key),
                                404,
                                null)
                        .path("code")
                        .asText())
                .isEqualTo("not_found");

        var removed = ApiClient.json(
                ok(api.send("DELETE", "/api/v1/goals/" + viaApi.get("id").asLong(), null, key)));
        assertThat(removed.get("id").asLong()).isEqualTo(viaApi.get("id").asLong());
        assertThat(CliRun.succeeded(server.environment(), "goal", "list", "--org", "acme", "--json")
                        .jsonLines())
                .containsExactly(viaCli);
        assertThat(AuditTrail.lines(server, org))
                .filteredOn(line -> line.contains(" goal."))
                .hasSize(3)
                .anyMatch(line -> line.startsWith(
                        "operator goal.set goal:" + viaCli.get("id").asLong()))
                .anyMatch(line -> line.startsWith("api_key:")
                        && line.contains(" goal.set goal:" + viaApi.get("id").asLong()))
                .anyMatch(line -> line.startsWith("api_key:")
                        && line.contains(" goal.remove goal:" + viaApi.get("id").asLong()));
    }

    @Test
    void badInputIsRefusedAndAnotherOrganizationsGoalsAreNotFound() {
        var key = ApiKeysForTests.create(server, "acme", "refusals", "write")
                .get("key")
                .asText();
        var read = ApiKeysForTests.create(server, "acme", "reader", "read")
                .get("key")
                .asText();
        value(organizationId("acme"), "ann@acme.test", LocalDate.now().minusMonths(1), 1);
        value(organizationId("globex"), "ann@globex.test", LocalDate.now().minusMonths(1), 1);
        var theirs = CliRun.succeeded(
                        server.environment(),
                        "goal",
                        "set",
                        "--org",
                        "globex",
                        "--kpi",
                        "calls_made",
                        "--period",
                        "week",
                        "--target",
                        "5",
                        "--person",
                        "ann@globex.test",
                        "--json")
                .lastJson();

        ApiClient.assertProblem(
                api.send("DELETE", "/api/v1/goals/" + theirs.get("id").asLong(), null, key), 404, null);
        ApiClient.assertProblem(api.send("DELETE", "/api/v1/goals/999999", null, key), 404, null);
        ApiClient.assertProblem(
                api.send(
                        "POST",
                        "/api/v1/goals",
                        "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5,\"role\":\"rep\"}",
                        read),
                403,
                null);
        assertThat(ApiClient.assertProblem(
                                post(key, "{\"kpi\":\"calls_mad\",\"period\":\"week\",\"target\":5,\"role\":\"rep\"}"),
                                422,
                                null)
                        .path("message")
                        .asText())
                .contains("did you mean calls_made?");
        ApiClient.assertProblem(
                post(key, "{\"kpi\":\"calls_made\",\"period\":\"day\",\"target\":5,\"role\":\"rep\"}"), 422, "period");
        ApiClient.assertProblem(
                post(key, "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":-1,\"role\":\"rep\"}"),
                422,
                "target");
        ApiClient.assertProblem(post(key, "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5}"), 422, "person");
        ApiClient.assertProblem(
                post(
                        key,
                        "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5,\"role\":\"rep\",\"team\":\"Sales\"}"),
                422,
                "person");
        ApiClient.assertProblem(
                post(key, "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5,\"role\":\"boss\"}"),
                422,
                "person");
        ApiClient.assertProblem(
                post(key, "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5,\"person\":\"ann@globex.test\"}"),
                404,
                null);
        ApiClient.assertProblem(
                post(key, "{\"kpi\":\"calls_made\",\"period\":\"week\",\"target\":5,\"role\":\"rep\",\"who\":1}"),
                422,
                "who");
        ApiClient.assertProblem(api.get("/api/v1/goals/progress?kpi=calls_made&period=week", key), 422, "person");
        ApiClient.assertProblem(
                api.get("/api/v1/goals/progress?person=ann@acme.test&kpi=calls_made", key), 422, "period");
        assertThat(ApiClient.json(ok(api.get("/api/v1/goals", key)))
                        .get("items")
                        .toString())
                .doesNotContain("globex");

        var cli = CliRun.run(
                server.environment(),
                "goal",
                "set",
                "--org",
                "acme",
                "--kpi",
                "calls_made",
                "--period",
                "fortnight",
                "--target",
                "5",
                "--role",
                "rep");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown goal period 'fortnight': use one of week, month, quarter");
        var both = CliRun.run(
                server.environment(),
                "goal",
                "set",
                "--org",
                "acme",
                "--kpi",
                "calls_made",
                "--period",
                "week",
                "--target",
                "5",
                "--role",
                "rep",
                "--team",
                "Sales");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give exactly one of --person, --team, --role, --team-members");
        var window = CliRun.run(
                server.environment(),
                "kpi",
                "show",
                "--org",
                "acme",
                "--goals",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-20");
        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.err()).contains("--goals needs --from and --to spanning exactly one week");
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static java.net.http.HttpResponse<String> post(String key, String body) {
        return api.send("POST", "/api/v1/goals", body, key);
    }

    private static java.net.http.HttpResponse<String> created(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static java.net.http.HttpResponse<String> ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static long organizationId(String slug) {
        return server.bean(TenantTransactions.class)
                .withoutOrganization(
                        tx -> tx.fetchSingle("select id from scoreline_org_directory() where slug = ?", slug)
                                .get(0, Long.class));
    }

    private static void value(long org, String email, LocalDate day, int value) {
        server.bean(TenantTransactions.class)
                .inOrganization(
                        org,
                        tx -> tx.execute(
                                "insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count) "
                                        + "select ?, id, 'calls_made', ?, ?, ? from profiles where email = ? "
                                        + "on conflict (organization_id, profile_id, kpi_key, period_date) do update set value = excluded.value",
                                org,
                                day,
                                value,
                                value,
                                email));
    }
}
