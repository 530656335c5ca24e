package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldCatalogTest {

    @Test
    void stockCatalogsKnowTheKpiObjectsWithDefaults() {
        var salesforce = FieldCatalog.stock(CrmProvider.SALESFORCE);
        var hubSpot = FieldCatalog.stock(CrmProvider.HUBSPOT);

        assertThat(salesforce
                        .object("TASK")
                        .orElseThrow()
                        .field("calldurationinseconds")
                        .orElseThrow())
                .isEqualTo(new FieldDef("CallDurationInSeconds", FieldType.NUMBER, "int", false, false, List.of()));
        assertThat(salesforce.object("Event").orElseThrow().dateField()).contains("ActivityDateTime");
        assertThat(hubSpot.object("deals")
                        .orElseThrow()
                        .field("hs_is_closed_won")
                        .orElseThrow()
                        .type())
                .isEqualTo(FieldType.BOOLEAN);
        assertThat(hubSpot.object("calls").orElseThrow().ownerField()).contains("hubspot_owner_id");
    }

    @Test
    void mergingAddsFieldsAndObjectsWithoutLosingDefaults() {
        var described = FieldCatalog.empty(CrmProvider.SALESFORCE)
                .withObject(ObjectSchema.of("Task", null, null, List.of(new FieldDef("Demo__c", FieldType.BOOLEAN))))
                .withObject(ObjectSchema.of(
                        "Meeting__c",
                        "OwnerId",
                        "CreatedDate",
                        List.of(
                                new FieldDef("OwnerId", FieldType.STRING),
                                new FieldDef("CreatedDate", FieldType.DATETIME))));

        var merged = FieldCatalog.stock(CrmProvider.SALESFORCE).merge(described);

        var task = merged.object("Task").orElseThrow();
        assertThat(task.field("Demo__c")).isPresent();
        assertThat(task.field("Subject")).isPresent();
        assertThat(task.ownerField()).contains("OwnerId");
        assertThat(merged.object("meeting__c")).isPresent();
        assertThat(FieldCatalog.stock(CrmProvider.SALESFORCE)
                        .object("Task")
                        .orElseThrow()
                        .field("Demo__c"))
                .isEmpty();
    }

    @Test
    void catalogsOfDifferentProvidersDoNotMerge() {
        assertThatThrownBy(
                        () -> FieldCatalog.stock(CrmProvider.SALESFORCE).merge(FieldCatalog.empty(CrmProvider.HUBSPOT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hubspot");
    }

    @Test
    void malformedCatalogsAreReportedWithTheirPosition() {
        assertThatThrownBy(() -> FieldCatalogReader.read(
                        CrmProvider.SALESFORCE, "c.yaml", "objects:\n  Task:\n    fields:\n      Subject: blob\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("c.yaml:4:16: unknown field type 'blob'");
        assertThatThrownBy(() -> FieldCatalogReader.read(CrmProvider.SALESFORCE, "c.yaml", "provider: hubspot\n"))
                .hasMessageContaining("catalog is for hubspot");
    }

    @Test
    void providerNamesParseIgnoringCaseAndNameTheChoicesOtherwise() {
        assertThat(CrmProvider.fromKey(" HubSpot ")).isEqualTo(CrmProvider.HUBSPOT);
        assertThatThrownBy(() -> CrmProvider.fromKey("pipedrive"))
                .hasMessage("unknown provider 'pipedrive'; expected one of: salesforce, hubspot");
    }
}
