package io.scoreline.sim.salesforce;

import static io.scoreline.sim.HttpCalls.encode;
import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.HttpCalls;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.SyntheticDataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The org's custom fields, the formula field and the drift controls, seen through the REST and Bulk APIs. */
class SalesforceCustomFieldsIT {

    private static final String V = "/services/data/v56.0";
    /** Written out independently of the simulator: which picklist value each disposition means. */
    private static final Map<String, String> OUTCOME_BY_DISPOSITION = Map.of(
            "Connected", "Connected",
            "Meeting Booked", "Connected",
            "Left Voicemail", "Voicemail",
            "Left Live Message", "Voicemail",
            "Busy", "No Answer",
            "No Answer", "No Answer",
            "Wrong Number", "Wrong Number");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;
    private URI base;
    private String token;

    @TempDir
    Path dumps;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(23)
                .withVolume(3, 12)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        var sf = sims.salesforce();
        base = sf.instanceUrl();
        token = json(http.postForm(
                        base.resolve("/services/oauth2/token"),
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                sf.clientId(),
                                "client_secret",
                                sf.clientSecret())))
                .get("access_token")
                .asText();
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    private HttpResponse<String> get(String path) {
        return http.get(base.resolve(path), "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> query(String soql) {
        return get(V + "/query/?q=" + encode(soql));
    }

    /** Every record of a query, following nextRecordsUrl. */
    private List<JsonNode> records(String soql) {
        List<JsonNode> records = new ArrayList<>();
        JsonNode page = json(query(soql));
        records.addAll(page.get("records").valueStream().toList());
        while (!page.get("done").asBoolean()) {
            page = json(get(page.get("nextRecordsUrl").asText()));
            records.addAll(page.get("records").valueStream().toList());
        }
        return records;
    }

    private HttpResponse<String> createBulkJob(String soql) {
        return http.postJson(
                base.resolve(V + "/jobs/query"),
                "{\"operation\":\"query\",\"query\":\"" + soql + "\",\"contentType\":\"CSV\"}",
                "Authorization",
                "Bearer " + token);
    }

    private static JsonNode field(JsonNode describe, String name) {
        return describe.get("fields")
                .valueStream()
                .filter(field -> field.get("name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    private JsonNode describe(String object) {
        return json(get(V + "/sobjects/" + object + "/describe"));
    }

    @Test
    void describeReportsTheCustomPicklistsAndTheFormulaField() {
        JsonNode outcome = field(describe("Task"), "Call_Outcome__c");
        JsonNode sourcedBy = field(describe("Opportunity"), "Sourced_By__c");
        JsonNode expected = field(describe("Opportunity"), "Expected_Revenue__c");
        JsonNode disposition = field(describe("Task"), "CallDisposition");

        assertThat(outcome.get("type").asText()).isEqualTo("picklist");
        assertThat(outcome.get("custom").asBoolean()).isTrue();
        assertThat(outcome.get("calculated").asBoolean()).isFalse();
        assertThat(outcome.get("filterable").asBoolean()).isTrue();
        assertThat(outcome.get("nillable").asBoolean()).isTrue();
        assertThat(outcome.get("picklistValues").findValuesAsText("value"))
                .containsExactly("Connected", "Voicemail", "No Answer", "Wrong Number");
        assertThat(outcome.get("picklistValues").findValuesAsText("label"))
                .containsExactly("Connected", "Voicemail", "No Answer", "Wrong Number");
        assertThat(outcome.get("picklistValues").findValues("active")).allMatch(JsonNode::asBoolean);
        assertThat(sourcedBy.get("picklistValues").findValuesAsText("value"))
                .containsExactly("Inbound", "Outbound", "Partner");
        assertThat(sourcedBy.get("custom").asBoolean()).isTrue();
        assertThat(expected.get("type").asText()).isEqualTo("currency");
        assertThat(expected.get("calculated").asBoolean()).isTrue();
        assertThat(expected.get("calculatedFormula").asText())
                .contains("Amount")
                .contains("StageName");
        assertThat(expected.get("createable").asBoolean()).isFalse();
        assertThat(expected.get("custom").asBoolean()).isTrue();
        assertThat(expected.get("picklistValues")).isEmpty();
        assertThat(disposition.get("custom").asBoolean()).isFalse();
        assertThat(disposition.get("calculated").asBoolean()).isFalse();
        assertThat(disposition.get("calculatedFormula").isNull()).isTrue();
        JsonNode global = json(get(V + "/sobjects"));
        assertThat(global.get("sobjects").findValuesAsText("name")).contains("Task", "Opportunity");
        assertThat(global.get("sobjects").findValues("queryable")).allMatch(JsonNode::asBoolean);
        assertThat(global.get("sobjects").findValues("custom")).isNotEmpty();
    }

    @Test
    void callOutcomeFollowsTheDispositionAndIsEmptyOnOtherTasks() {
        List<JsonNode> tasks = records("SELECT Id, TaskSubtype, CallDisposition, Call_Outcome__c FROM Task");
        List<JsonNode> voicemails = records("SELECT Id, CallDisposition FROM Task WHERE Call_Outcome__c = 'Voicemail'");

        assertThat(tasks).isNotEmpty();
        long calls = 0;
        for (JsonNode task : tasks) {
            if (task.get("TaskSubtype").asText().equals("Call")) {
                calls++;
                assertThat(task.get("Call_Outcome__c").asText())
                        .as(task.get("Id").asText())
                        .isEqualTo(OUTCOME_BY_DISPOSITION.get(
                                task.get("CallDisposition").asText()));
            } else {
                assertThat(task.get("Call_Outcome__c").isNull()).isTrue();
            }
        }
        assertThat(calls).isPositive();
        assertThat(voicemails).isNotEmpty();
        assertThat(voicemails)
                .allSatisfy(task ->
                        assertThat(task.get("CallDisposition").asText()).isIn("Left Voicemail", "Left Live Message"));
    }

    @Test
    void sourcedByAndExpectedRevenueAreSetAndTheSameForTheSameSeed() {
        List<JsonNode> deals = records(
                "SELECT Id, Amount, StageName, Probability, Sourced_By__c, Expected_Revenue__c" + " FROM Opportunity");
        SyntheticDataset again = SyntheticDataset.generate(
                new DatasetSpec(23, 3, 12, LocalDate.of(2026, 3, 1), ZoneId.of("America/New_York")));
        SyntheticDataset other = SyntheticDataset.generate(
                new DatasetSpec(24, 3, 12, LocalDate.of(2026, 3, 1), ZoneId.of("America/New_York")));

        assertThat(deals).isNotEmpty();
        for (JsonNode deal : deals) {
            assertThat(deal.get("Sourced_By__c").asText()).isIn("Inbound", "Outbound", "Partner");
            assertThat(deal.get("Expected_Revenue__c").decimalValue())
                    .isEqualByComparingTo(deal.get("Amount")
                            .decimalValue()
                            .multiply(deal.get("Probability").decimalValue())
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }
        assertThat(deals.stream()
                        .map(deal -> deal.get("Sourced_By__c").asText())
                        .distinct())
                .hasSizeGreaterThan(1);
        assertThat(sourcedBy(new SalesforceRecords(again, "integration@scoreline-sim.example")))
                .isEqualTo(sourcedBy(sims.salesforceSimulator().records()));
        assertThat(sourcedBy(new SalesforceRecords(other, "integration@scoreline-sim.example")))
                .isNotEqualTo(sourcedBy(sims.salesforceSimulator().records()));
    }

    private static List<Object> sourcedBy(SalesforceRecords records) {
        return records.rows(SalesforceSchema.OPPORTUNITY)
                .map(row -> row.value("Sourced_By__c"))
                .toList();
    }

    @Test
    void bulkResultsAndTheDumpCarryTheNewFields() throws IOException {
        String id = json(createBulkJob("SELECT Id, Call_Outcome__c FROM Task WHERE TaskSubtype = 'Call'"))
                .get("id")
                .asText();
        String job = V + "/jobs/query/" + id;
        get(job);
        get(job);
        HttpResponse<String> results =
                http.get(base.resolve(job + "/results"), "Authorization", "Bearer " + token, "Accept", "text/csv");
        sims.dump(dumps);

        List<String> lines = results.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\"Id\",\"Call_Outcome__c\"");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allMatch(line -> line.matches("\"00T\\w{15}\",\"(Connected|Voicemail|No Answer|Wrong Number)\""));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode task = mapper.readTree(
                Files.readAllLines(dumps.resolve("salesforce/Task.jsonl")).getFirst());
        JsonNode deal = mapper.readTree(Files.readAllLines(dumps.resolve("salesforce/Opportunity.jsonl"))
                .getFirst());
        assertThat(task.has("Call_Outcome__c")).isTrue();
        assertThat(deal.get("Sourced_By__c").isTextual()).isTrue();
        assertThat(deal.get("Expected_Revenue__c").isNumber()).isTrue();
    }

    @Test
    void aDeletedFieldIsGoneFromDescribeQueriesBulkAndTheDumpUntilRestored() throws IOException {
        List<JsonNode> before = records("SELECT Id, Call_Outcome__c FROM Task");
        SalesforceSchemaDrift drift = sims.salesforceSimulator().schemaDrift();

        drift.deleteField("Task", "Call_Outcome__c");
        HttpResponse<String> rest = query("SELECT Id, Call_Outcome__c FROM Task");
        HttpResponse<String> queryAll =
                get(V + "/queryAll/?q=" + encode("SELECT Id FROM Task WHERE Call_Outcome__c != null"));
        HttpResponse<String> bulk = createBulkJob("SELECT Id, Call_Outcome__c FROM Task");
        JsonNode row =
                json(get(V + "/sobjects/Task/" + before.getFirst().get("Id").asText()));
        sims.dump(dumps.resolve("deleted"));

        assertThat(field(describe("Task"), "Call_Outcome__c")).isNull();
        assertThat(field(describe("Task"), "CallDisposition")).isNotNull();
        for (HttpResponse<String> refused : List.of(rest, queryAll, bulk)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = json(refused);
            assertThat(error.isArray()).isTrue();
            assertThat(error.get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
            assertThat(error.get(0).get("message").asText())
                    .contains("No such column 'Call_Outcome__c' on entity 'Task'. If you are attempting to use a"
                            + " custom field, be sure to append the '__c' after the custom field name.")
                    .contains("ERROR at Row:1:Column:");
        }
        assertThat(row.has("Call_Outcome__c")).isFalse();
        assertThat(row.has("CallDisposition")).isTrue();
        assertThat(Files.readString(dumps.resolve("deleted/salesforce/Task.jsonl")))
                .doesNotContain("Call_Outcome__c");

        drift.restoreField("Task", "Call_Outcome__c");

        assertThat(field(describe("Task"), "Call_Outcome__c")).isNotNull();
        assertThat(records("SELECT Id, Call_Outcome__c FROM Task")).isEqualTo(before);
    }

    @Test
    void aRenamedFieldAnswersUnderItsNewNameOnlyUntilRestored() {
        List<JsonNode> before = records("SELECT Id, Sourced_By__c FROM Opportunity ORDER BY Id");
        SalesforceSchemaDrift drift = sims.salesforceSimulator().schemaDrift();

        drift.renameField("Opportunity", "Sourced_By__c", "Deal_Source__c");
        HttpResponse<String> oldName = query("SELECT Id, Sourced_By__c FROM Opportunity");
        List<JsonNode> renamed = records("SELECT Id, Deal_Source__c FROM Opportunity ORDER BY Id");
        List<JsonNode> filtered = records("SELECT Id FROM Opportunity WHERE Deal_Source__c = 'Partner'");
        JsonNode describe = describe("Opportunity");

        assertThat(oldName.statusCode()).isEqualTo(400);
        assertThat(json(oldName).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(oldName).get(0).get("message").asText())
                .contains("No such column 'Sourced_By__c' on entity 'Opportunity'");
        assertThat(field(describe, "Sourced_By__c")).isNull();
        assertThat(field(describe, "Deal_Source__c").get("picklistValues").findValuesAsText("value"))
                .containsExactly("Inbound", "Outbound", "Partner");
        assertThat(renamed).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(renamed.get(i).get("Id")).isEqualTo(before.get(i).get("Id"));
            assertThat(renamed.get(i).get("Deal_Source__c"))
                    .isEqualTo(before.get(i).get("Sourced_By__c"));
            assertThat(renamed.get(i).has("Sourced_By__c")).isFalse();
        }
        assertThat(filtered).hasSize((int) before.stream()
                .filter(deal -> deal.get("Sourced_By__c").asText().equals("Partner"))
                .count());

        drift.restoreAll();

        assertThat(records("SELECT Id, Sourced_By__c FROM Opportunity ORDER BY Id"))
                .isEqualTo(before);
        assertThat(query("SELECT Id, Deal_Source__c FROM Opportunity").statusCode())
                .isEqualTo(400);
        assertThat(field(describe("Opportunity"), "Deal_Source__c")).isNull();
    }

    @Test
    void idsReferencesAndStampsCannotDrift() {
        SalesforceSchemaDrift drift = sims.salesforceSimulator().schemaDrift();

        assertThatThrownBy(() -> drift.deleteField("Task", "SystemModstamp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.deleteField("Task", "OwnerId")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.deleteField("Task", "Nope__c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.renameField("Task", "Call_Outcome__c", "CallDisposition"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formulaDriftChangesExpectedRevenueWithoutMovingSystemModstamp() throws IOException {
        String soql = "SELECT Id, Amount, StageName, Expected_Revenue__c, SystemModstamp, LastModifiedDate"
                + " FROM Opportunity ORDER BY Id";
        List<JsonNode> before = records(soql);
        String latestStamp = before.stream()
                .map(deal -> deal.get("SystemModstamp").asText())
                .max(String::compareTo)
                .orElseThrow();
        String formulaBefore = field(describe("Opportunity"), "Expected_Revenue__c")
                .get("calculatedFormula")
                .asText();

        sims.salesforceSimulator().stageProbabilities().set(DealStage.QUALIFICATION, 35);
        sims.salesforceSimulator().stageProbabilities().set(DealStage.CLOSED_WON, 90);
        List<JsonNode> after = records(soql);
        sims.dump(dumps);

        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            JsonNode was = before.get(i);
            JsonNode now = after.get(i);
            assertThat(now.get("SystemModstamp")).isEqualTo(was.get("SystemModstamp"));
            assertThat(now.get("LastModifiedDate")).isEqualTo(was.get("LastModifiedDate"));
            int percent = switch (now.get("StageName").asText()) {
                case "Qualification" -> 35;
                case "Closed Won" -> 90;
                default -> -1;
            };
            if (percent >= 0) {
                changed++;
                assertThat(now.get("Expected_Revenue__c").decimalValue())
                        .isEqualByComparingTo(now.get("Amount")
                                .decimalValue()
                                .multiply(BigDecimal.valueOf(percent))
                                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            } else {
                assertThat(now.get("Expected_Revenue__c")).isEqualTo(was.get("Expected_Revenue__c"));
            }
        }
        assertThat(changed).isPositive();
        assertThat(records(
                        "SELECT Id FROM Opportunity WHERE SystemModstamp > " + latestStamp.replace(".000+0000", "Z")))
                .as("an incremental read by SystemModstamp sees no change")
                .isEmpty();
        assertThat(field(describe("Opportunity"), "Expected_Revenue__c")
                        .get("calculatedFormula")
                        .asText())
                .isNotEqualTo(formulaBefore)
                .contains("'Qualification', 0.35");
        Map<String, String> dumped = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(dumps.resolve("salesforce/Opportunity.jsonl"))) {
            JsonNode deal = mapper.readTree(line);
            dumped.put(
                    deal.get("Id").asText(),
                    deal.get("Expected_Revenue__c").decimalValue().toPlainString());
        }
        for (JsonNode deal : after) {
            assertThat(new BigDecimal(dumped.get(deal.get("Id").asText())))
                    .isEqualByComparingTo(deal.get("Expected_Revenue__c").decimalValue());
        }

        sims.salesforceSimulator().stageProbabilities().reset();

        assertThat(records(soql)).isEqualTo(before);
    }

    @Test
    void probabilitiesOutsideZeroToHundredAreRefused() {
        assertThatThrownBy(() -> sims.salesforceSimulator().stageProbabilities().set(DealStage.PROPOSAL, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
