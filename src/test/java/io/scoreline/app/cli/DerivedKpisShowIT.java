package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived KPIs end to end through a rule document (ADR 0042): the stock Salesforce rules with
 * {@code distinct: WhatId} on calls_made and a {@code derived:} section are stored with {@code
 * mapping set}, CRM records go through those very rules and the real page writer, and {@code kpi
 * show --json} and {@code kpi teams --json} read every derived kind from the active rule set.
 */
class DerivedKpisShowIT {

    private static final String DERIVED = """

            derived:
              connect_rate: { ratio: call_connects / calls_made, unit: percent, min_denominator: 4 }
              avg_deal_size: { average: revenue_won, unit: currency, min_facts: 1 }
              accounts_called: { distinct: calls_made }
              activity_points: { weighted: { calls_made: 1, meetings_booked: 5 } }
              activity_score:
                scorecard:
                  calls_made: { points: 1, cap_per_day: 3 }
                  meetings_booked: { points: 10 }
            """;

    private static DatabaseRuntime database;
    private static Map<String, String> env;
    private static final AtomicInteger MODSTAMPS = new AtomicInteger();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        env = TestEnvironment.forDatabase(database.ownerEndpoint());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void kpiShowAndKpiTeamsReadEveryDerivedKindOfTheActiveRuleDocument() throws Exception {
        CliRun.succeeded(env, "org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin");
        var added = CliRun.succeeded(
                env,
                "integration",
                "add",
                "--org",
                "acme",
                "--provider",
                "salesforce",
                "--client-id",
                "c",
                "--refresh-token",
                "r",
                "--json");
        long integrationId = added.lastJson().get("id").asLong();
        var document = Files.readString(Path.of("mappings/salesforce.yaml"))
                        .replace(
                                "  calls_made:\n    object: Task\n    when: TaskSubtype = 'Call'\n",
                                "  calls_made:\n    object: Task\n    when: TaskSubtype = 'Call'\n    distinct: WhatId\n")
                + DERIVED;
        assertThat(document).contains("distinct: WhatId");
        var rules = dir.resolve("rules.yaml");
        Files.writeString(rules, document);
        CliRun.succeeded(
                env, "mapping", "set", "--integration", Long.toString(integrationId), "--file", rules.toString());

        var transactions = new TenantTransactions(database.dsl());
        long organizationId =
                new OrganizationStore(transactions).require("acme").id();
        for (var owner : List.of("ana", "bo")) {
            transactions.inOrganization(organizationId, tx -> {
                long profile = tx.fetchSingle(
                                "insert into profiles (organization_id, email) values (?, ?) returning id",
                                organizationId,
                                owner + "@acme.test")
                        .get(0, Long.class);
                return tx.execute(
                        "insert into crm_identities (organization_id, integration_id, crm_user_id, email, profile_id) values (?, ?, ?, ?, ?)",
                        organizationId,
                        integrationId,
                        owner,
                        owner + "@acme.test",
                        profile);
            });
        }
        var compiled =
                (CompileResult.Compiled) MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.SALESFORCE));
        var deriver = new RuleSetFactDeriver(compiled.ruleSet(), ZoneId.of("Europe/Berlin"), null, w -> {});
        var writer = new PageWriter(transactions);
        var tasks = new ArrayList<CrmRecord>();
        // Ana, Monday: 5 calls to 2 accounts, 2 connected; Tuesday: 1 call to a third account.
        tasks.add(call("a1", "ana", "2026-11-02", "ACC-A", true));
        tasks.add(call("a2", "ana", "2026-11-02", "ACC-A", true));
        tasks.add(call("a3", "ana", "2026-11-02", "ACC-B", false));
        tasks.add(call("a4", "ana", "2026-11-02", "ACC-B", false));
        tasks.add(call("a5", "ana", "2026-11-02", null, false));
        tasks.add(call("a6", "ana", "2026-11-03", "ACC-C", false));
        // Bo: 2 calls, below the connect rate's minimum.
        tasks.add(call("b1", "bo", "2026-11-02", "ACC-A", true));
        tasks.add(call("b2", "bo", "2026-11-02", "ACC-D", false));
        writer.write(organizationId, integrationId, "Task", tasks, deriver, ChangeOrigin.live(), (tx, r) -> {});
        writer.write(
                organizationId,
                integrationId,
                "Opportunity",
                List.of(deal("o1", "ana", "2026-11-02", 1000), deal("o2", "ana", "2026-11-03", 2000)),
                deriver,
                ChangeOrigin.live(),
                (tx, r) -> {});

        var lines = CliRun.succeeded(
                        env, "kpi", "show", "--org", "acme", "--from", "2026-11-01", "--to", "2026-11-07", "--json")
                .jsonLines();
        var ana = byKpi(lines, "ana@acme.test");
        assertThat(ana.get("calls_made").toString()).contains("\"value\":6", "\"unit\":\"count\"");
        assertThat(ana.get("connect_rate").toString())
                .isEqualTo(
                        "{\"profile\":\"ana@acme.test\",\"kpi\":\"connect_rate\",\"value\":33.333333,\"unit\":\"percent\"}");
        assertThat(ana.get("avg_deal_size").get("value").decimalValue()).isEqualByComparingTo("1500");
        assertThat(ana.get("avg_deal_size").get("unit").asText()).isEqualTo("currency");
        assertThat(ana.get("accounts_called").get("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(ana.get("activity_points").get("value").decimalValue()).isEqualByComparingTo("6");
        // Monday's 5 calls are capped at 3 points, Tuesday's call adds 1.
        assertThat(ana.get("activity_score").get("value").decimalValue()).isEqualByComparingTo("4");
        var bo = byKpi(lines, "bo@acme.test");
        assertThat(bo.get("connect_rate").toString())
                .isEqualTo("{\"profile\":\"bo@acme.test\",\"kpi\":\"connect_rate\",\"value\":null,\"unit\":\"percent\","
                        + "\"undefined\":\"2 calls_made, fewer than the minimum 4\"}");
        assertThat(bo.get("accounts_called").get("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(bo).doesNotContainKey("avg_deal_size");

        var table = CliRun.succeeded(env, "kpi", "show", "--org", "acme", "--profile", "bo@acme.test")
                .out();
        assertThat(table).contains("connect_rate", "\u2014 (2 calls_made, fewer than the minimum 4)", "percent");

        // Teams: Sales with Inside (ana) and Field (bo) below it. A team's derived KPI is read over
        // its members together: Sales' connect rate is 3 connects of 8 calls, 37.5 %, not a mean of
        // its people's rates, and Field's 2 calls stay below the minimum.
        CliRun.succeeded(env, "team", "create", "--org", "acme", "--name", "Sales");
        CliRun.succeeded(env, "team", "create", "--org", "acme", "--name", "Inside", "--parent", "Sales");
        CliRun.succeeded(env, "team", "create", "--org", "acme", "--name", "Field", "--parent", "Sales");
        CliRun.succeeded(env, "profile", "update", "--org", "acme", "--email", "ana@acme.test", "--team", "Inside");
        CliRun.succeeded(env, "profile", "update", "--org", "acme", "--email", "bo@acme.test", "--team", "Field");
        var teams = CliRun.succeeded(
                        env, "kpi", "teams", "--org", "acme", "--from", "2026-11-01", "--to", "2026-11-07", "--json")
                .jsonLines();
        var sales = byKpi(teams, "team", "Sales");
        assertThat(sales.get("calls_made").toString()).contains("\"value\":8", "\"facts\":8", "\"people\":2");
        assertThat(sales.get("connect_rate").toString())
                .isEqualTo("{\"team\":\"Sales\",\"depth\":0,\"kpi\":\"connect_rate\",\"value\":37.5,"
                        + "\"unit\":\"percent\",\"facts\":0,\"people\":2}");
        // ACC-A was called by both: four accounts, not 3 + 2.
        assertThat(sales.get("accounts_called").get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(sales.get("activity_score").get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(sales.get("avg_deal_size").get("value").decimalValue()).isEqualByComparingTo("1500");
        var inside = byKpi(teams, "team", "Inside");
        assertThat(inside.get("connect_rate").get("value").decimalValue()).isEqualByComparingTo("33.333333");
        var field = byKpi(teams, "team", "Field");
        assertThat(field.get("connect_rate").toString())
                .isEqualTo("{\"team\":\"Field\",\"depth\":1,\"kpi\":\"connect_rate\",\"value\":null,"
                        + "\"unit\":\"percent\",\"facts\":0,\"people\":1,"
                        + "\"undefined\":\"2 calls_made, fewer than the minimum 4\"}");
        assertThat(field).doesNotContainKey("avg_deal_size");
        var teamTable = CliRun.succeeded(env, "kpi", "teams", "--org", "acme").out();
        assertThat(teamTable).contains("connect_rate", "37.5", "\u2014 (2 calls_made, fewer than the minimum 4)");
    }

    private static Map<String, JsonNode> byKpi(List<JsonNode> lines, String profile) {
        return byKpi(lines, "profile", profile);
    }

    private static Map<String, JsonNode> byKpi(List<JsonNode> lines, String field, String value) {
        var byKpi = new HashMap<String, JsonNode>();
        lines.stream()
                .filter(l -> l.get(field).asText().equals(value))
                .forEach(l -> byKpi.put(l.get("kpi").asText(), l));
        return byKpi;
    }

    private static CrmRecord call(String id, String owner, String day, String account, boolean connected) {
        var fields = new HashMap<String, Object>();
        fields.put("Id", id);
        fields.put("TaskSubtype", "Call");
        fields.put("Status", "Completed");
        fields.put("CreatedDate", day + "T10:00:00Z");
        fields.put("OwnerId", owner);
        fields.put("WhatId", account);
        fields.put("CallDurationInSeconds", 0);
        if (connected) {
            fields.put("CallDisposition", "Connected");
        }
        return new CrmRecord("Task", id, modstamp(), false, fields);
    }

    private static CrmRecord deal(String id, String owner, String day, int amount) {
        var fields = new HashMap<String, Object>();
        fields.put("Id", id);
        fields.put("IsWon", true);
        fields.put("IsClosed", true);
        fields.put("StageName", "Closed Won");
        fields.put("CloseDate", day);
        fields.put("CreatedDate", day + "T10:00:00Z");
        fields.put("Amount", amount);
        fields.put("OwnerId", owner);
        return new CrmRecord("Opportunity", id, modstamp(), false, fields);
    }

    private static Instant modstamp() {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(MODSTAMPS.incrementAndGet());
    }
}
