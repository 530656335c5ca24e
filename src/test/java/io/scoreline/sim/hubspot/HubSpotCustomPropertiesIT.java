package io.scoreline.sim.hubspot;

import static io.scoreline.sim.HttpCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.HttpCalls;
import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.data.SyntheticDataset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's custom call property and the property drift controls, seen through the HubSpot APIs. */
class HubSpotCustomPropertiesIT {

    private static final List<String> QUALITIES = List.of("good", "poor", "dropped");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final HttpCalls http = new HttpCalls();
    private RunningSimulators sims;
    private HubSpotConnection hubSpot;
    private URI base;

    @TempDir
    Path dumps;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(29)
                .withVolume(3, 12)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        hubSpot = sims.hubSpot();
        base = hubSpot.baseUrl();
    }

    @AfterEach
    void stop() {
        sims.close();
        http.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return http.get(base.resolve(pathAndQuery), "Authorization", "Bearer " + hubSpot.privateAppToken());
    }

    private HttpResponse<String> post(String path, String body) {
        return http.postJson(base.resolve(path), body, "Authorization", "Bearer " + hubSpot.privateAppToken());
    }

    /** A second on the test clock between searches keeps clear of HubSpot's per-second search limit. */
    private HttpResponse<String> searchCalls(String body) {
        clock.advance(Duration.ofSeconds(1));
        return post("/crm/v3/objects/calls/search", body);
    }

    private Optional<JsonNode> property(String type, String name) {
        return json(get("/crm/v3/properties/" + type))
                .get("results")
                .valueStream()
                .filter(property -> property.get("name").asText().equals(name))
                .findFirst();
    }

    private static String filterOn(String property, String value, String... requested) {
        return "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"" + property
                + "\",\"operator\":\"EQ\",\"value\":\"" + value + "\"}]}],\"properties\":[" + quoted(requested)
                + "],\"limit\":200}";
    }

    private static String quoted(String... names) {
        return String.join(
                ",", List.of(names).stream().map(name -> "\"" + name + "\"").toList());
    }

    @Test
    void propertiesReportCallQualityWithItsOptionsAndFlags() {
        JsonNode quality = property("calls", "call_quality").orElseThrow();
        JsonNode disposition = property("calls", "hs_call_disposition").orElseThrow();
        JsonNode single = json(get("/crm/v3/properties/calls/call_quality"));

        assertThat(quality.get("label").asText()).isEqualTo("Call quality");
        assertThat(quality.get("type").asText()).isEqualTo("enumeration");
        assertThat(quality.get("fieldType").asText()).isEqualTo("select");
        assertThat(quality.get("calculated").asBoolean()).isFalse();
        // HubSpot leaves hubspotDefined out on custom properties; built-in ones carry true.
        assertThat(quality.has("hubspotDefined")).isFalse();
        assertThat(disposition.get("hubspotDefined").asBoolean()).isTrue();
        assertThat(quality.get("options").findValuesAsText("value")).containsExactly("good", "poor", "dropped");
        assertThat(quality.get("options").findValuesAsText("label")).containsExactly("Good", "Poor", "Dropped");
        assertThat(quality.get("options").findValues("displayOrder"))
                .extracting(JsonNode::asInt)
                .containsExactly(0, 1, 2);
        assertThat(quality.get("options").findValues("hidden")).noneMatch(JsonNode::asBoolean);
        assertThat(single).isEqualTo(quality);
    }

    @Test
    void callsCarryAQualityAmongTheInternalValuesInSearchesBatchReadsAndTheDump() throws IOException {
        JsonNode found = json(searchCalls("{\"properties\":[\"call_quality\"],\"limit\":200}"));
        JsonNode dropped = json(searchCalls(filterOn("call_quality", "dropped", "call_quality")));
        String id = found.get("results").get(0).get("id").asText();
        JsonNode batch = json(post(
                "/crm/v3/objects/calls/batch/read",
                "{\"inputs\":[{\"id\":\"" + id + "\"}],\"properties\":[\"call_quality\"]}"));
        sims.dump(dumps);

        assertThat(found.get("results")).isNotEmpty();
        assertThat(found.get("results").findValues("call_quality"))
                .extracting(JsonNode::asText)
                .allMatch(QUALITIES::contains);
        assertThat(found.get("results").findValuesAsText("call_quality").stream()
                        .distinct())
                .hasSizeGreaterThan(1);
        assertThat(dropped.get("total").asInt()).isPositive();
        assertThat(dropped.get("results").findValuesAsText("call_quality")).containsOnly("dropped");
        assertThat(batch.get("results")
                        .get(0)
                        .get("properties")
                        .get("call_quality")
                        .asText())
                .isIn(QUALITIES);
        JsonNode dumped = new ObjectMapper()
                .readTree(
                        Files.readAllLines(dumps.resolve("hubspot/calls.jsonl")).getFirst());
        assertThat(dumped.get("properties").get("call_quality").asText()).isIn(QUALITIES);
    }

    @Test
    void qualityIsTheSameForTheSameSeedAndDiffersForAnother() {
        assertThat(qualities(29)).isEqualTo(qualities(29)).isNotEqualTo(qualities(30));
        assertThat(qualities(29))
                .isEqualTo(sims.hubSpotSimulator()
                        .records()
                        .all(HubSpotObjectType.CALLS)
                        .map(call -> call.property("call_quality"))
                        .toList());
    }

    private static List<String> qualities(long seed) {
        SyntheticDataset dataset = SyntheticDataset.generate(
                new DatasetSpec(seed, 3, 12, LocalDate.of(2026, 3, 1), ZoneId.of("America/New_York")));
        return new HubSpotRecords(dataset)
                .all(HubSpotObjectType.CALLS)
                .map(call -> call.property("call_quality"))
                .toList();
    }

    @Test
    void aCallThatConnectsMayChangeQualityAndThatIsAPropertyChangeEventUnlessThePropertyIsDeleted() {
        HubSpotSchemaDrift drift = sims.hubSpotSimulator().schemaDrift();
        HubSpotWebhookEvents events = sims.hubSpotSimulator().webhookEvents(ZoneId.of("America/New_York"), clock);

        List<HubSpotWebhookEvent> qualityChanges = qualityChanges(events);
        drift.deleteProperty("calls", "call_quality");
        List<HubSpotWebhookEvent> afterDelete = qualityChanges(events);

        assertThat(qualityChanges).isNotEmpty();
        assertThat(qualityChanges).allSatisfy(event -> {
            assertThat(event.subscriptionType()).isEqualTo("object.propertyChange");
            assertThat(event.propertyValue()).isIn("good", "poor");
        });
        assertThat(afterDelete).isEmpty();
    }

    /** The call_quality events of every unconnected call turning connected. */
    private List<HubSpotWebhookEvent> qualityChanges(HubSpotWebhookEvents events) {
        return sims.dataset().stream(ActivityKind.CALL)
                .map(Activity.Call.class::cast)
                .filter(call -> !call.outcome().connected())
                .map(call -> new RecordChange.Updated(
                        call,
                        new Activity.Call(
                                call.meta().modified(clock.instant()),
                                call.subject(),
                                call.outbound(),
                                call.durationSeconds(),
                                CallOutcome.CONNECTED)))
                .flatMap(change -> events.of(change).stream())
                .filter(event -> Objects.equals(event.propertyName(), "call_quality"))
                .toList();
    }

    @Test
    void aDeletedPropertyIsGoneFromPropertiesAndSearchFiltersUntilRestored() {
        JsonNode before = json(searchCalls("{\"properties\":[\"call_quality\"],\"limit\":200}"));
        HubSpotSchemaDrift drift = sims.hubSpotSimulator().schemaDrift();

        drift.deleteProperty("calls", "call_quality");
        HttpResponse<String> filtered = searchCalls(filterOn("call_quality", "good"));
        HttpResponse<String> requested =
                searchCalls("{\"properties\":[\"call_quality\",\"hs_call_title\"],\"limit\":200}");
        String id = json(requested).get("results").get(0).get("id").asText();
        JsonNode read = json(get("/crm/v3/objects/calls/" + id + "?properties=call_quality,hs_call_title"));

        assertThat(property("calls", "call_quality")).isEmpty();
        assertThat(get("/crm/v3/properties/calls/call_quality").statusCode()).isEqualTo(404);
        assertThat(filtered.statusCode()).isEqualTo(400);
        JsonNode error = json(filtered);
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.get("correlationId").asText()).isNotBlank();
        assertThat(error.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_PROPERTY");
        assertThat(error.get("errors").get(0).get("message").asText())
                .isEqualTo("Property 'call_quality' does not exist");
        assertThat(error.get("errors").get(0).get("in").asText()).isEqualTo("filterGroups[0].filters[0].propertyName");
        // HubSpot ignores unknown names in a requested property list: no error, the property is absent.
        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(json(requested).get("results").findValues("call_quality")).isEmpty();
        assertThat(json(requested).get("results").findValues("hs_call_title")).isNotEmpty();
        assertThat(read.get("properties").has("call_quality")).isFalse();

        drift.restoreProperty("calls", "call_quality");

        assertThat(property("calls", "call_quality")).isPresent();
        assertThat(searchCalls(filterOn("call_quality", "good")).statusCode()).isEqualTo(200);
        assertThat(json(searchCalls("{\"properties\":[\"call_quality\"],\"limit\":200}")))
                .isEqualTo(before);
    }

    @Test
    void aRenamedPropertyAnswersUnderItsNewNameOnlyUntilRestored() {
        JsonNode before = json(searchCalls(filterOn("call_quality", "poor", "call_quality")));
        HubSpotSchemaDrift drift = sims.hubSpotSimulator().schemaDrift();

        drift.renameProperty("calls", "call_quality", "call_grade");
        HttpResponse<String> oldName = searchCalls(filterOn("call_quality", "poor"));
        JsonNode renamed = json(searchCalls(filterOn("call_grade", "poor", "call_grade", "call_quality")));

        assertThat(oldName.statusCode()).isEqualTo(400);
        assertThat(property("calls", "call_quality")).isEmpty();
        assertThat(property("calls", "call_grade").orElseThrow().get("options").findValuesAsText("value"))
                .containsExactly("good", "poor", "dropped");
        assertThat(renamed.get("total")).isEqualTo(before.get("total"));
        assertThat(renamed.get("results").findValuesAsText("id"))
                .isEqualTo(before.get("results").findValuesAsText("id"));
        assertThat(renamed.get("results").findValuesAsText("call_grade")).containsOnly("poor");
        assertThat(renamed.get("results").findValues("call_quality")).isEmpty();

        drift.restoreAll();

        assertThat(searchCalls(filterOn("call_grade", "poor")).statusCode()).isEqualTo(400);
        assertThat(json(searchCalls(filterOn("call_quality", "poor", "call_quality")))
                        .get("results"))
                .isEqualTo(before.get("results"));
    }

    @Test
    void theIdAndModificationStampCannotDrift() {
        HubSpotSchemaDrift drift = sims.hubSpotSimulator().schemaDrift();

        assertThatThrownBy(() -> drift.deleteProperty("calls", "hs_object_id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.deleteProperty("calls", "hs_lastmodifieddate"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.renameProperty("calls", "call_quality", "hs_call_title"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drift.deleteProperty("widgets", "call_quality"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
