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
 * The contest formats of ADR 0045 through the API and the CLI on one server: the same request gives
 * the same contest, bad combinations are refused by both in the same words, a hidden contest is made
 * visible and a series cancelled through either.
 */
class ContestFormatsApiIT {

    private static ScorelineServer server;
    private static String writeKey;

    @BeforeAll
    static void start() {
        server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of());
        cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        writeKey = ApiKeysForTests.create(server, "acme", "write key", "write")
                .get("key")
                .asText();
        for (var name : List.of("ann", "bob", "cat", "dan")) {
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
    void theApiCreatesEachFormatAsTheCliDoes() {
        assertSame(
                "{\"format\":\"race\",\"target\":\"25\",\"to\":\"2031-03-06\"}",
                "--format",
                "race",
                "--target",
                "25",
                "--to",
                "2031-03-06");
        assertSame(
                "{\"format\":\"head_to_head\",\"pairs\":[\"ann@acme.test:bob@acme.test\",\"cat@acme.test:dan@acme.test\"],"
                        + "\"to\":\"2031-03-06\"}",
                "--format",
                "head_to_head",
                "--pairs",
                "ann@acme.test:bob@acme.test,cat@acme.test:dan@acme.test",
                "--to",
                "2031-03-06");
        assertSame(
                "{\"format\":\"head_to_head\",\"to\":\"2031-03-06\"}",
                "--format",
                "head_to_head",
                "--to",
                "2031-03-06");
        assertSame("{\"every\":\"month\",\"hidden\":true}", "--every", "month", "--hidden");
        var weekly = assertSame("{\"every\":\"week\"}", "--every", "week");
        assertThat(weekly.get("to").asText()).isEqualTo("2031-03-08");
        assertThat(weekly.get("every").asText()).isEqualTo("week");
        assertThat(weekly.get("series").isNumber()).isTrue();
    }

    @Test
    void badCombinationsAreRefusedByBothInTheSameWords() {
        refused(
                "{\"format\":\"race\",\"to\":\"2031-03-06\"}",
                "format race needs target N",
                "--format",
                "race",
                "--to",
                "2031-03-06");
        refused(
                "{\"format\":\"head_to_head\",\"pairs\":[\"ann@acme.test:bob@acme.test\",\"bob@acme.test:cat@acme.test\"],"
                        + "\"to\":\"2031-03-06\"}",
                "puts bob@acme.test in two pairs",
                "--format",
                "head_to_head",
                "--pairs",
                "ann@acme.test:bob@acme.test,bob@acme.test:cat@acme.test",
                "--to",
                "2031-03-06");
        refused(
                "{\"format\":\"head_to_head\",\"pairs\":[\"ann@acme.test:zed@acme.test\"],\"to\":\"2031-03-06\"}",
                "no profile in acme for zed@acme.test",
                "--format",
                "head_to_head",
                "--pairs",
                "ann@acme.test:zed@acme.test",
                "--to",
                "2031-03-06");
        refused("{\"every\":\"day\"}", "every must be week or month, got 'day'", "--every", "day");
    }

    @Test
    void aHiddenContestIsMadeVisibleAndASeriesCancelledThroughTheApi() throws Exception {
        var hidden =
                ApiClient.json(create("{\"hidden\":true,\"every\":\"week\"}").body());
        assertThat(hidden.get("hidden").asBoolean()).isTrue();
        long id = hidden.get("id").asLong();
        var visible = send("POST", "/api/v1/contests/" + id + "/visible", null);
        assertThat(visible.statusCode()).as(visible.body()).isEqualTo(200);
        assertThat(ApiClient.json(visible.body()).get("hidden").asBoolean()).isFalse();
        var cancelled = send("POST", "/api/v1/contests/" + id + "/cancel?series=true", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(ApiClient.json(cancelled.body()).get("status").asText()).isEqualTo("cancelled");
        var listed = CliRun.succeeded(server.environment(), "contest", "list", "--org", "acme")
                .out();
        assertThat(listed).contains("#" + hidden.get("series").asLong() + " every week");
        assertThat(send("POST", "/api/v1/contests/" + id + "/cancel?series=maybe", null)
                        .statusCode())
                .isEqualTo(422);
    }

    /** Creates by the API and by the CLI; the two answers agree but for the ids. @return the API's */
    private static JsonNode assertSame(String apiFields, String... cliOptions) {
        var api = create(apiFields);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        var args = new ArrayList<>(List.of(
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "Formats",
                "--kpi",
                "calls_made",
                "--from",
                "2031-03-02",
                "--json"));
        args.addAll(List.of(cliOptions));
        var byCli = ApiClient.json(CliRun.succeeded(server.environment(), args.toArray(String[]::new))
                .outLines()
                .getLast());
        var byApi = ApiClient.json(api.body());
        assertThat(withoutIds(byApi)).isEqualTo(withoutIds(byCli));
        return byApi;
    }

    private static void refused(String apiFields, String message, String... cliOptions) {
        var api = create(apiFields);
        assertThat(ApiClient.assertProblem(api, 422, null).get("message").asText())
                .contains(message);
        var args = new ArrayList<>(List.of(
                "contest",
                "create",
                "--org",
                "acme",
                "--name",
                "Formats",
                "--kpi",
                "calls_made",
                "--from",
                "2031-03-02"));
        args.addAll(List.of(cliOptions));
        var cli = CliRun.run(server.environment(), args.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(message.replace("format race needs target", "format race needs --target"));
    }

    private static JsonNode withoutIds(JsonNode contest) {
        var copy = (ObjectNode) contest.deepCopy();
        copy.remove("id");
        copy.remove("series");
        return copy;
    }

    private static HttpResponse<String> create(String fields) {
        var body = "{\"name\":\"Formats\",\"kpi\":\"calls_made\",\"from\":\"2031-03-02\"," + fields.substring(1);
        return send("POST", "/api/v1/contests", body);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return new ApiClient(server).send(method, path, body, writeKey);
    }
}
