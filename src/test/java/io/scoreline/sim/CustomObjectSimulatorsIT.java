package io.scoreline.sim;

import static io.scoreline.sim.HttpCalls.encode;
import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.DemoStatus;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import io.scoreline.sim.hubspot.HubSpotTypeNames;
import io.scoreline.sim.salesforce.SalesforceRecords;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom object both simulators serve (issue 20): Salesforce {@code Product_Demo__c} and HubSpot
 * {@code product_demos}, a few per rep per week with some deleted, through discovery, reads and the dump.
 */
class CustomObjectSimulatorsIT {

    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;

    @TempDir
    Path dump;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(11)
                .withVolume(6, 30)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    @Test
    void demosAreAFewPerRepPerWeekWithEveryStatusAndSomeDeleted() {
        var demos = sims.dataset().stream(ActivityKind.DEMO).toList();
        // 6 reps, 30 days: about 4 weeks of 3 demos each.
        assertThat(demos.size()).isBetween(6 * 4, 6 * 4 * 6);
        assertThat(demos.stream().filter(d -> d.meta().deleted())).isNotEmpty();
        assertThat(demos.stream().map(d -> ((Activity.Demo) d).status()).distinct())
                .containsExactlyInAnyOrder(DemoStatus.values());
    }

    @Test
    void salesforceDescribesAndQueriesTheCustomObject() {
        var sf = sims.salesforce();
        var token = json(http.postForm(
                        sf.loginUrl().resolve("/services/oauth2/token"),
                        Map.of(
                                "grant_type", "refresh_token",
                                "client_id", sf.clientId(),
                                "client_secret", sf.clientSecret(),
                                "refresh_token", sf.refreshToken(),
                                "format", "json")))
                .get("access_token")
                .asText();
        var base = sf.loginUrl();
        java.util.function.Function<String, HttpResponse<String>> get =
                path -> http.get(base.resolve(path), "Authorization", "Bearer " + token);

        var global = json(get.apply("/services/data/v56.0/sobjects/"));
        var summary = StreamSupport.stream(global.get("sobjects").spliterator(), false)
                .filter(o -> o.get("name").asText().equals("Product_Demo__c"))
                .findFirst()
                .orElseThrow();
        assertThat(summary.get("custom").asBoolean()).isTrue();
        assertThat(summary.get("queryable").asBoolean()).isTrue();

        var describe = json(get.apply("/services/data/v56.0/sobjects/Product_Demo__c/describe"));
        var status = field(describe, "Status__c");
        assertThat(status.get("type").asText()).isEqualTo("picklist");
        assertThat(status.get("custom").asBoolean()).isTrue();
        assertThat(values(status.get("picklistValues"), "value")).containsExactly("Scheduled", "Completed", "No Show");
        assertThat(field(describe, "Demo_Date__c").get("type").asText()).isEqualTo("date");
        assertThat(field(describe, "OwnerId").get("referenceTo").get(0).asText())
                .isEqualTo("User");

        long all = sims.dataset().count(ActivityKind.DEMO);
        long deleted = sims.dataset().stream(ActivityKind.DEMO)
                .filter(d -> d.meta().deleted())
                .count();
        var live = json(
                get.apply(
                        "/services/data/v56.0/query/?q="
                                + encode(
                                        "SELECT Id, OwnerId, Demo_Date__c, Status__c FROM Product_Demo__c WHERE Status__c = 'Completed'")));
        long completed = sims.dataset().stream(ActivityKind.DEMO)
                .filter(d -> !d.meta().deleted() && ((Activity.Demo) d).status() == DemoStatus.COMPLETED)
                .count();
        assertThat(live.get("totalSize").asLong()).isEqualTo(completed).isPositive();
        var withDeleted = json(
                get.apply("/services/data/v56.0/queryAll/?q=" + encode("SELECT Id, IsDeleted FROM Product_Demo__c")));
        assertThat(withDeleted.get("totalSize").asLong()).isEqualTo(all);

        var demo = (Activity.Demo) sims.dataset().get(ActivityKind.DEMO, 0);
        var one = json(get.apply("/services/data/v56.0/query/?q="
                + encode("SELECT Id, Demo_Date__c, Status__c FROM Product_Demo__c WHERE Id = '"
                        + SalesforceRecords.idOf(ActivityKind.DEMO, 0) + "'")));
        if (!demo.meta().deleted()) {
            assertThat(one.get("records").get(0).get("Demo_Date__c").asText())
                    .isEqualTo(demo.demoDate().toString());
            assertThat(one.get("records").get(0).get("Status__c").asText())
                    .isEqualTo(demo.status().label());
        }
    }

    @Test
    void hubSpotServesTheCustomObjectByTypeIdAndQualifiedNameButNotByBareName() {
        HubSpotConnection hubSpot = sims.hubSpot();
        URI base = hubSpot.baseUrl();
        java.util.function.Function<String, HttpResponse<String>> get =
                path -> http.get(base.resolve(path), "Authorization", "Bearer " + hubSpot.privateAppToken());

        var schemas = json(get.apply("/crm/v3/schemas"));
        assertThat(schemas.get("results")).hasSize(1);
        var schema = schemas.get("results").get(0);
        var typeId = schema.get("objectTypeId").asText();
        assertThat(typeId)
                .matches("2-\\d+")
                .isEqualTo(new HubSpotTypeNames(11).typeId(HubSpotObjectType.PRODUCT_DEMOS));
        assertThat(typeId).isNotEqualTo(new HubSpotTypeNames(12).typeId(HubSpotObjectType.PRODUCT_DEMOS));
        assertThat(schema.get("name").asText()).isEqualTo("product_demos");
        assertThat(schema.get("fullyQualifiedName").asText()).isEqualTo("p_product_demos");
        assertThat(json(get.apply("/crm-object-schemas/v3/schemas/" + typeId))
                        .get("name")
                        .asText())
                .isEqualTo("product_demos");

        var properties = json(get.apply("/crm/v3/properties/" + typeId)).get("results");
        var status = StreamSupport.stream(properties.spliterator(), false)
                .filter(p -> p.get("name").asText().equals("demo_status"))
                .findFirst()
                .orElseThrow();
        assertThat(status.get("type").asText()).isEqualTo("enumeration");
        assertThat(values(status.get("options"), "value")).containsExactly("scheduled", "completed", "no_show");
        assertThat(values(status.get("options"), "label")).containsExactly("Scheduled", "Completed", "No Show");
        assertThat(values(properties, "name")).contains("hubspot_owner_id", "demo_date", "hs_lastmodifieddate");

        long live = sims.dataset().stream(ActivityKind.DEMO)
                .filter(d -> !d.meta().deleted())
                .count();
        long archived = sims.dataset().count(ActivityKind.DEMO) - live;
        assertThat(archived).isPositive();
        assertThat(count(get, "/crm/v3/objects/" + typeId + "?limit=100&properties=demo_status", false))
                .isEqualTo(live);
        assertThat(count(get, "/crm/v3/objects/p_product_demos?limit=100&archived=true", true))
                .isEqualTo(archived);
        assertThat(get.apply("/crm/v3/objects/product_demos").statusCode()).isEqualTo(404);

        var completed = json(http.postJson(
                base.resolve("/crm/v3/objects/" + typeId + "/search"),
                "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"demo_status\",\"operator\":\"EQ\","
                        + "\"value\":\"completed\"}]}],\"properties\":[\"demo_date\",\"hubspot_owner_id\"],\"limit\":1}",
                "Authorization",
                "Bearer " + hubSpot.privateAppToken()));
        assertThat(completed.get("total").asLong())
                .isEqualTo(sims.dataset().stream(ActivityKind.DEMO)
                        .filter(d -> !d.meta().deleted() && ((Activity.Demo) d).status() == DemoStatus.COMPLETED)
                        .count());
        assertThat(completed
                        .get("results")
                        .get(0)
                        .get("properties")
                        .get("demo_date")
                        .asText())
                .matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void theDumpHoldsEveryDemoOfBothCrms() throws Exception {
        sims.dump(dump);
        long all = sims.dataset().count(ActivityKind.DEMO);
        assertThat(Files.readAllLines(dump.resolve("salesforce/Product_Demo__c.jsonl")))
                .hasSize((int) all)
                .anyMatch(line -> line.contains("\"IsDeleted\":true"));
        assertThat(Files.readAllLines(dump.resolve("hubspot/product_demos.jsonl")))
                .hasSize((int) all)
                .anyMatch(line -> line.contains("\"archived\":true"));
    }

    private long count(
            java.util.function.Function<String, HttpResponse<String>> get, String firstPage, boolean archived) {
        long seen = 0;
        String path = firstPage;
        while (path != null) {
            var page = json(get.apply(path));
            for (var object : page.get("results")) {
                assertThat(object.get("archived").asBoolean()).isEqualTo(archived);
                seen++;
            }
            var after = page.path("paging").path("next").path("after").asText("");
            path = after.isEmpty() ? null : firstPage + "&after=" + after;
        }
        return seen;
    }

    private static JsonNode field(JsonNode describe, String name) {
        return StreamSupport.stream(describe.get("fields").spliterator(), false)
                .filter(f -> f.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> values(JsonNode array, String key) {
        var values = new ArrayList<String>();
        array.forEach(node -> values.add(node.get(key).asText()));
        return values;
    }
}
