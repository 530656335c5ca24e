package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule-set endpoints against the real server: an integration whose catalog was read from the
 * Salesforce simulator ({@code integration describe}) and one whose CRM cannot be reached (the stock
 * catalog); versions stored, listed, shown and activated with their audit rows; the 422 that lists
 * every problem with its line and column; 404 for another organization's integration and an unknown
 * version, 403 for a read key on a write; and the CLI's {@code --json} against the API's answers.
 */
class RuleSetsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Valid against the stock catalog and any discovered one. */
    private static final String STOCK_RULES = """
            provider: salesforce
            kpis:
              meetings_held:
                object: Event
                when: IsAllDayEvent = false
            """;

    /** Reads the simulated org's custom field: valid only against its discovered catalog. */
    private static final String OUTCOME_RULES = """
            provider: salesforce
            kpis:
              meetings_held_outcome:
                object: Event
                when: Outcome__c = 'Held'
            """;

    /** Two errors: an unknown field on line 5 and an unknown object on line 7. */
    private static final String TWO_ERRORS = """
            provider: salesforce
            kpis:
              meetings_held:
                object: Event
                when: NoSuchField__c = 'x'
              calls_made:
                object: Nothing
            """;

    /** A YAML syntax error: a flow sequence that never closes. */
    private static final String BROKEN_YAML = """
            provider: salesforce
            kpis:
              calls_made:
                object: [Task
            """;

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static RunningSimulators sims;
    private static Path dir;
    private static long acmeId;
    private static String writeKey;
    private static long writeKeyId;
    private static String readKey;
    private static String globexKey;
    private static long discovered;
    private static long stock;
    private static long foreign;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("rule-sets-api");
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(33)
                .withVolume(2, 3)
                .withLastDay(SimulatorOptions.defaults().effectiveLastDay()));
        database = TestPostgres.freshDatabase();
        server = ScorelineServer.start(database, Map.of());
        var acme = ApiClient.json(
                cli("org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin", "--json")
                        .outLines()
                        .getLast());
        acmeId = acme.get("id").asLong();
        cli("org", "create", "--slug", "globex", "--name", "Globex", "--timezone", "UTC");
        var write = lastJson(cli("apikey", "create", "--org", "acme", "--name", "ui", "--scopes", "write", "--json"));
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();
        readKey = lastJson(cli("apikey", "create", "--org", "acme", "--name", "ro", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        globexKey = lastJson(cli("apikey", "create", "--org", "globex", "--name", "g", "--scopes", "write", "--json"))
                .get("key")
                .asText();

        var sf = sims.salesforce();
        discovered =
                addSalesforce("acme", sf.loginUrl().toString(), sf.clientId(), sf.clientSecret(), sf.refreshToken());
        cli("integration", "describe", "--integration", Long.toString(discovered));
        // Nothing listens on port 9 here: the catalog cannot be read, so it stays the stock one.
        stock = addSalesforce("acme", "http://127.0.0.1:9", "stock-client", "s", "r");
        foreign = addSalesforce("globex", "http://127.0.0.1:9", "globex-client", "s", "r");
    }

    @AfterAll
    static void stop() {
        server.close();
        sims.close();
    }

    @Test
    void validateChecksAgainstTheIntegrationsCatalogAndAgreesWithTheCli() throws Exception {
        var againstDiscovered = post(writeKey, rules(discovered, "/validate"), body(OUTCOME_RULES));
        assertThat(againstDiscovered.statusCode()).as(againstDiscovered.body()).isEqualTo(200);
        assertThat(json(againstDiscovered).get("valid").asBoolean()).isTrue();
        assertThat(json(againstDiscovered).get("problems")).isEmpty();

        var againstStock = post(readKey, rules(stock, "/validate"), body(OUTCOME_RULES));
        assertThat(againstStock.statusCode()).as(againstStock.body()).isEqualTo(200);
        var invalid = json(againstStock);
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.at("/problems/0/severity").asText()).isEqualTo("error");
        assertThat(invalid.at("/problems/0/line").asInt()).isEqualTo(5);
        assertThat(invalid.at("/problems/0/message").asText()).contains("Outcome__c");

        // The CLI against the same integrations prints the same problems, line by line.
        var file = Files.writeString(dir.resolve("outcome.yaml"), OUTCOME_RULES);
        for (var integration : List.of(discovered, stock)) {
            var api = json(post(readKey, rules(integration, "/validate"), body(OUTCOME_RULES)));
            var run = CliRun.run(
                    server.environment(),
                    "mapping",
                    "validate",
                    file.toString(),
                    "--integration",
                    Long.toString(integration),
                    "--json");
            assertThat(run.exitCode() == 0)
                    .as(run.err())
                    .isEqualTo(api.get("valid").asBoolean());
            var cliProblems = new ArrayList<JsonNode>();
            for (var line : run.outLines()) {
                var problem = (ObjectNode) ApiClient.json(line);
                assertThat(problem.remove("file").asText()).isEqualTo(file.toString());
                cliProblems.add(problem);
            }
            assertThat(cliProblems).containsExactlyElementsOf(api.get("problems"));
        }

        var twoErrors = json(post(readKey, rules(stock, "/validate"), body(TWO_ERRORS)));
        assertThat(twoErrors.get("valid").asBoolean()).isFalse();
        assertThat(twoErrors.get("problems").findValues("line").stream().map(JsonNode::asInt))
                .contains(5, 7);
        var broken = json(post(readKey, rules(stock, "/validate"), body(BROKEN_YAML)));
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.at("/problems/0/line").asInt()).isPositive();
        assertThat(broken.at("/problems/0/column").asInt()).isPositive();
    }

    @Test
    void testGivesTheFactsOfEachRecordInTheOrganizationsZoneAsTheCliDoes() throws Exception {
        var records = JSON.createArrayNode()
                .add(ApiClient.json("{\"attributes\":{\"type\":\"Event\"},\"Id\":\"00U1\",\"OwnerId\":\"0051\","
                        + "\"ActivityDateTime\":\"2026-03-02T23:30:00.000+0000\",\"CreatedDate\":"
                        + "\"2026-03-01T09:00:00.000+0000\",\"Outcome__c\":\"Held\",\"IsAllDayEvent\":false}"))
                .add(ApiClient.json("{\"attributes\":{\"type\":\"Event\"},\"Id\":\"00U2\",\"OwnerId\":\"0052\","
                        + "\"ActivityDateTime\":\"2026-03-03T08:00:00.000+0000\",\"Outcome__c\":\"Cancelled\","
                        + "\"IsAllDayEvent\":false}"));
        var request = JSON.createObjectNode().put("document", OUTCOME_RULES).set("records", records);
        var answer = post(readKey, rules(discovered, "/test"), request.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var facts = json(answer).get("facts");
        assertThat(facts).hasSize(1);
        assertThat(facts.at("/0/kpi").asText()).isEqualTo("meetings_held_outcome");
        assertThat(facts.at("/0/record_id").asText()).isEqualTo("00U1");
        // 23:30 UTC is the next day in Berlin, the organization's zone.
        assertThat(facts.at("/0/date").asText()).isEqualTo("2026-03-03");

        var rulesFile = Files.writeString(dir.resolve("test-outcome.yaml"), OUTCOME_RULES);
        var lines = new StringBuilder();
        for (var record : records) {
            lines.append(record).append('\n');
        }
        var recordsFile = Files.writeString(dir.resolve("events.jsonl"), lines);
        var run = CliRun.run(
                server.environment(),
                "mapping",
                "test",
                "--rules",
                rulesFile.toString(),
                "--records",
                recordsFile.toString(),
                "--timezone",
                "Europe/Berlin",
                "--integration",
                Long.toString(discovered),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSameSizeAs(facts);
        for (int i = 0; i < facts.size(); i++) {
            var cli = ApiClient.json(run.outLines().get(i));
            var api = facts.get(i);
            for (var field : List.of("kpi", "object", "record_id", "owner", "date")) {
                assertThat(api.get(field)).as(field).isEqualTo(cli.get(field));
            }
            assertThat(api.get("value").decimalValue())
                    .isEqualByComparingTo(cli.get("value").decimalValue());
        }

        // The stock catalog knows no Outcome__c: every problem, nothing tried.
        var refused = post(readKey, rules(stock, "/test"), request.toString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("invalid_rules");
        assertThat(json(refused).at("/problems/0/message").asText()).contains("Outcome__c");
        var stockRequest = JSON.createObjectNode().put("document", STOCK_RULES).set("records", records);
        var onStock = post(readKey, rules(stock, "/test"), stockRequest.toString());
        assertThat(onStock.statusCode()).as(onStock.body()).isEqualTo(200);
        assertThat(json(onStock).get("facts").findValues("record_id").stream().map(JsonNode::asText))
                .containsExactly("00U1", "00U2");

        var notARecord = JSON.createObjectNode().put("document", STOCK_RULES);
        notARecord.putArray("records").add(ApiClient.json("{\"Id\":\"x\"}"));
        assertProblem(post(readKey, rules(stock, "/test"), notARecord.toString()), 422, "records[0]");
        var notAnObject = JSON.createObjectNode().put("document", STOCK_RULES);
        notAnObject.putArray("records").add(3);
        assertProblem(post(readKey, rules(stock, "/test"), notAnObject.toString()), 422, "records[0]");
        assertProblem(post(readKey, rules(stock, "/test"), body(STOCK_RULES)), 422, "records");
    }

    @Test
    void versionsAreStoredListedShownAndActivatedWithAuditRows() throws Exception {
        var first = post(writeKey, rules(discovered, ""), body(OUTCOME_RULES));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var stored = json(first);
        assertThat(stored.get("stored").asBoolean()).isTrue();
        int v1 = stored.get("version").asInt();
        assertThat(stored.get("diff").asText()).contains("meetings_held_outcome");

        var same = post(writeKey, rules(discovered, ""), body(OUTCOME_RULES));
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(json(same).get("stored").asBoolean()).isFalse();
        assertThat(json(same).get("version").asInt()).isEqualTo(v1);

        var second = json(post(writeKey, rules(discovered, ""), body(STOCK_RULES)));
        int v2 = second.get("version").asInt();
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(second.get("diff").asText())
                .contains("meetings_held_outcome")
                .contains("meetings_held");

        var list = json(get(readKey, rules(discovered, "")));
        assertLastPage(list);
        var items = list.get("items");
        assertThat(items.findValues("version").stream().map(JsonNode::asInt)).containsExactly(v1, v2);
        assertThat(items.findValues("active").stream().map(JsonNode::asBoolean)).containsExactly(false, true);
        assertThat(items.at("/0/created_by").asText()).isEqualTo("api_key:" + writeKeyId);
        assertThat(items.at("/0/kpis/0").asText()).isEqualTo("meetings_held_outcome");
        assertThat(items.at("/0/compiles").asBoolean()).isTrue();
        var page = json(get(readKey, rules(discovered, "?limit=1")));
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("next").asText()).isNotBlank();
        var rest = json(get(
                readKey, rules(discovered, "?limit=1&after=" + page.get("next").asText())));
        assertThat(rest.at("/items/0/version").asInt()).isEqualTo(v2);
        assertLastPage(rest);

        var shown = json(get(readKey, rules(discovered, "/" + v1)));
        assertThat(shown.get("document").asText()).isEqualTo(OUTCOME_RULES);
        assertThat(shown.get("active").asBoolean()).isFalse();
        var cli = lastJson(cli(
                "mapping",
                "show",
                "--integration",
                Long.toString(discovered),
                "--version",
                Integer.toString(v1),
                "--json"));
        for (var field : List.of("integration", "version", "active", "created_at", "document")) {
            assertThat(shown.get(field)).as(field).isEqualTo(cli.get(field));
        }

        var rollBack = post(writeKey, rules(discovered, "/" + v1 + "/activate"), null);
        assertThat(rollBack.statusCode()).as(rollBack.body()).isEqualTo(200);
        assertThat(json(rollBack).get("activated").asBoolean()).isTrue();
        assertThat(json(rollBack).get("previous_version").asInt()).isEqualTo(v2);
        assertThat(json(rollBack).get("diff").asText()).contains("meetings_held_outcome");
        var again = json(post(writeKey, rules(discovered, "/" + v1 + "/activate"), null));
        assertThat(again.get("activated").asBoolean()).isFalse();
        assertThat(json(get(readKey, rules(discovered, "/" + v1))).get("active").asBoolean())
                .isTrue();
        // The CLI sees the roll-back: the same use case, the same rows.
        assertThat(lastJson(cli("mapping", "show", "--integration", Long.toString(discovered), "--json"))
                        .get("version")
                        .asInt())
                .isEqualTo(v1);

        var target = "integration:" + discovered;
        assertThat(audit())
                .contains(
                        "api_key:" + writeKeyId + " rule_set.set " + target + " {\"version\": " + v1 + "}",
                        "api_key:" + writeKeyId + " rule_set.set " + target + " {\"version\": " + v2
                                + ", \"previous_version\": " + v1 + "}",
                        "api_key:" + writeKeyId + " rule_set.activate " + target + " {\"version\": " + v1
                                + ", \"previous_version\": " + v2 + "}")
                .noneMatch(row -> row.contains("Outcome__c"));
    }

    @Test
    void theStockCatalogStoresStockRulesAndRefusesCustomFieldsWithEveryProblem() throws Exception {
        var refused = post(writeKey, rules(stock, ""), body(TWO_ERRORS));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        var error = json(refused);
        assertThat(error.at("/error/code").asText()).isEqualTo("invalid_rules");
        assertThat(error.at("/error/field").asText()).isEqualTo("document");
        assertThat(error.get("problems").findValues("line").stream().map(JsonNode::asInt))
                .contains(5, 7);
        assertThat(error.get("problems").findValues("column").stream().map(JsonNode::asInt))
                .allMatch(c -> c > 0);
        var broken = json(post(writeKey, rules(stock, ""), body(BROKEN_YAML)));
        assertThat(broken.at("/error/code").asText()).isEqualTo("invalid_rules");
        assertThat(broken.at("/problems/0/line").asInt()).isPositive();

        var stored = post(writeKey, rules(stock, ""), body(STOCK_RULES));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        var version = json(stored).get("version").asInt();
        assertThat(json(get(readKey, rules(stock, ""))).at("/items/0/kpis/0").asText())
                .isEqualTo("meetings_held");
        assertThat(json(get(readKey, rules(stock, "/" + version)))
                        .get("document")
                        .asText())
                .isEqualTo(STOCK_RULES);
        assertThat(json(post(writeKey, rules(stock, "/" + version + "/activate"), null))
                        .get("activated")
                        .asBoolean())
                .isFalse();
        assertThat(get(readKey, rules(stock, "/" + (version + 1))).statusCode()).isEqualTo(404);
        assertThat(post(writeKey, rules(stock, "/" + (version + 1) + "/activate"), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badBodiesAreRefusedNamingTheField() throws Exception {
        for (var path : List.of(rules(stock, ""), rules(stock, "/validate"), rules(stock, "/test"))) {
            assertProblem(post(writeKey, path, null), 400, null);
            assertProblem(post(writeKey, path, "{\"document\":"), 400, null);
            assertProblem(post(writeKey, path, "{\"document\":\"provider: salesforce\",\"rules\":1}"), 422, "rules");
            assertProblem(post(writeKey, path, "{\"document\":\"\"}"), 422, "document");
            assertProblem(post(writeKey, path, "{\"document\":\"  \\n\"}"), 422, "document");
            assertProblem(post(writeKey, path, "{\"document\":7}"), 422, "document");
            assertProblem(post(writeKey, path, "{}"), 422, "document");
        }
        assertProblem(get(readKey, rules(stock, "?limit=0")), 422, "limit");
        assertProblem(get(readKey, rules(stock, "?after=abc")), 422, "after");
    }

    @Test
    void anotherOrganizationsIntegrationAndUnknownOnesAreNotFound() throws Exception {
        for (var integration : List.of(foreign, 999_999L)) {
            assertNotFound(get(writeKey, rules(integration, "")));
            assertNotFound(get(writeKey, rules(integration, "/1")));
            assertNotFound(post(writeKey, rules(integration, ""), body(STOCK_RULES)));
            assertNotFound(post(writeKey, rules(integration, "/1/activate"), null));
            assertNotFound(post(writeKey, rules(integration, "/validate"), body(STOCK_RULES)));
            var request = JSON.createObjectNode().put("document", STOCK_RULES);
            request.putArray("records");
            assertNotFound(post(writeKey, rules(integration, "/test"), request.toString()));
        }
        // globex's own key reaches it: the 404 above is the confinement, not a broken integration.
        assertThat(post(globexKey, rules(foreign, "/validate"), body(STOCK_RULES))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReadKeyCannotWrite() throws Exception {
        var set = post(readKey, rules(stock, ""), body(STOCK_RULES));
        assertThat(set.statusCode()).isEqualTo(403);
        assertThat(json(set).at("/error/code").asText()).isEqualTo("insufficient_scope");
        assertThat(post(readKey, rules(stock, "/1/activate"), null).statusCode())
                .isEqualTo(403);
    }

    private static long addSalesforce(String org, String loginUrl, String clientId, String secret, String token)
            throws Exception {
        var credentials = Files.writeString(
                dir.resolve(clientId + ".properties"),
                "client_id=" + clientId + "\nclient_secret=" + secret + "\nrefresh_token=" + token + "\n");
        return lastJson(cli(
                        "integration",
                        "add",
                        "--org",
                        org,
                        "--provider",
                        "salesforce",
                        "--login-url",
                        loginUrl,
                        "--credentials-file",
                        credentials.toString(),
                        "--json"))
                .get("id")
                .asLong();
    }

    private static String rules(long integration, String rest) {
        return "/api/v1/integrations/" + integration + "/rule-sets" + rest;
    }

    private static String body(String document) {
        return JsonNodeFactory.instance.objectNode().put("document", document).toString();
    }

    /** The last page has no cursor: {@code next} null, which the server may leave out. */
    private static void assertLastPage(JsonNode page) {
        assertThat(page.path("next").isMissingNode() || page.get("next").isNull())
                .as(page.toString())
                .isTrue();
    }

    private static void assertNotFound(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("not_found");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        ApiClient.assertProblem(response, status, field);
    }

    private static List<String> audit() {
        return server.bean(TenantTransactions.class)
                .inOrganization(
                        acmeId,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .orderBy(AUDIT_LOG.ID)
                                .fetch())
                .map(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + r.value4().data());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }

    private static JsonNode lastJson(CliRun run) {
        return run.lastJson();
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static HttpResponse<String> get(String key, String path) throws Exception {
        return send("GET", path, key, null);
    }

    private static HttpResponse<String> post(String key, String path, String body) throws Exception {
        return send("POST", path, key, body);
    }

    /** Always says JSON, even without a body: an empty activation POST is what a client sends. */
    private static HttpResponse<String> send(String method, String path, String key, String body) {
        return new ApiClient(server)
                .send(method, path, body, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
    }
}
