package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.FieldOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HubSpot schema and property answers, shaped as the reference documents them, read into catalog objects. */
class HubSpotDescribesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customObjectsAreNamedForRulesAndAddressedByTheirTypeId() throws Exception {
        var schemas = JSON.readTree("""
                {"results": [
                  {"id": "3508482", "objectTypeId": "2-3508482", "name": "product_demos", "archived": false},
                  {"id": "9", "objectTypeId": "2-9", "name": "old_things", "archived": true}
                ]}""");

        assertThat(HubSpotDescribes.customObjects(schemas))
                .containsExactly(new HubSpotDescribes.CustomObject("product_demos", "2-3508482"));
    }

    @Test
    void propertiesCarryValueAndLabelAndFormulaFlagsAndOwnerAndDateDefaultsForACustomObject() throws Exception {
        var properties = JSON.readTree("""
                {"results": [
                  {"name": "hubspot_owner_id", "type": "enumeration", "fieldType": "select", "options": []},
                  {"name": "hs_createdate", "type": "datetime", "fieldType": "date", "options": []},
                  {"name": "demo_status", "type": "enumeration", "fieldType": "select", "options": [
                    {"label": "Scheduled", "value": "scheduled", "hidden": false},
                    {"label": "No show", "value": "no_show", "hidden": false}]},
                  {"name": "demo_score", "type": "number", "fieldType": "calculation_equation", "options": []},
                  {"name": "location", "type": "object_coordinates", "fieldType": "text", "options": []},
                  {"name": "gone", "type": "string", "fieldType": "text", "archived": true, "options": []}
                ]}""");

        var schema = HubSpotDescribes.object("product_demos", Optional.of("2-3508482"), properties);

        assertThat(schema.apiNameOrName()).isEqualTo("2-3508482");
        assertThat(schema.custom()).isTrue();
        assertThat(schema.ownerField()).contains("hubspot_owner_id");
        assertThat(schema.dateField()).contains("hs_createdate");
        assertThat(schema.field("demo_status").orElseThrow().options())
                .containsExactly(new FieldOption("scheduled", "Scheduled"), new FieldOption("no_show", "No show"));
        assertThat(schema.field("demo_status").orElseThrow().custom()).isTrue();
        assertThat(schema.field("hs_createdate").orElseThrow().custom()).isFalse();
        assertThat(schema.field("demo_score").orElseThrow().calculated()).isTrue();
        assertThat(schema.field("location")).isEmpty();
        assertThat(schema.field("gone")).isEmpty();
    }

    @Test
    void onAStockObjectAPropertyIsCustomWhenHubSpotSaysSoOrTheStockCatalogLacksIt() throws Exception {
        var properties = JSON.readTree("""
                {"results": [
                  {"name": "hs_call_duration", "type": "number", "options": []},
                  {"name": "call_quality", "type": "enumeration", "options": [{"label": "Good", "value": "good"}]},
                  {"name": "hs_call_title", "type": "string", "hubspotDefined": false, "options": []}
                ]}""");

        var calls = HubSpotDescribes.object("calls", Optional.empty(), properties);

        assertThat(calls.custom()).isFalse();
        assertThat(calls.ownerField()).isEmpty();
        assertThat(calls.field("hs_call_duration").orElseThrow().custom()).isFalse();
        assertThat(calls.field("call_quality").orElseThrow().custom()).isTrue();
        assertThat(calls.field("hs_call_title").orElseThrow().custom())
                .as("hubspotDefined wins")
                .isTrue();
    }
}
