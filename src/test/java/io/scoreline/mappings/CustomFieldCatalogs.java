package io.scoreline.mappings;

import java.util.List;
import java.util.Optional;

/**
 * The stock catalogs plus the custom fields and objects issue 20 names, as a describe of the
 * simulators reports them: picklist options, a formula field, and custom objects whose owner
 * and date fields the catalog does not know.
 */
public final class CustomFieldCatalogs {

    private CustomFieldCatalogs() {}

    public static FieldCatalog salesforce() {
        var task = ObjectSchema.of(
                "Task",
                null,
                null,
                List.of(picklist("Call_Outcome__c", "Connected", "Voicemail", "No Answer", "Wrong Number")));
        var opportunity = ObjectSchema.of(
                "Opportunity",
                null,
                null,
                List.of(
                        picklist("Sourced_By__c", "Inbound", "Outbound", "Partner"),
                        new FieldDef("Expected_Revenue__c", FieldType.NUMBER, "currency", true, true, List.of())));
        var demo = ObjectSchema.of(
                        "Product_Demo__c",
                        null,
                        null,
                        List.of(
                                new FieldDef("Id", FieldType.STRING, "id", false, false, List.of()),
                                new FieldDef("OwnerId", FieldType.STRING, "reference", false, false, List.of()),
                                new FieldDef("Demo_Date__c", FieldType.DATE, "date", true, false, List.of()),
                                picklist("Status__c", "Scheduled", "Completed", "No Show"),
                                new FieldDef("IsDeleted", FieldType.BOOLEAN),
                                new FieldDef("SystemModstamp", FieldType.DATETIME)))
                .withIdentity(Optional.empty(), true);
        return FieldCatalog.stock(CrmProvider.SALESFORCE)
                .withObject(task)
                .withObject(opportunity)
                .withObject(demo);
    }

    public static FieldCatalog hubspot() {
        var calls = ObjectSchema.of(
                "calls",
                null,
                null,
                List.of(enumeration(
                        "call_quality",
                        new FieldOption("good", "Good"),
                        new FieldOption("poor", "Poor"),
                        new FieldOption("dropped", "Dropped"))));
        var demos = ObjectSchema.of(
                        "product_demos",
                        null,
                        null,
                        List.of(
                                new FieldDef("hubspot_owner_id", FieldType.STRING),
                                new FieldDef("demo_date", FieldType.DATE),
                                enumeration(
                                        "demo_status",
                                        new FieldOption("scheduled", "Scheduled"),
                                        new FieldOption("completed", "Completed"),
                                        new FieldOption("no_show", "No Show"))))
                .withIdentity(Optional.of("2-1234567"), true);
        return FieldCatalog.stock(CrmProvider.HUBSPOT).withObject(calls).withObject(demos);
    }

    private static FieldDef picklist(String name, String... values) {
        var options =
                java.util.Arrays.stream(values).map(v -> new FieldOption(v, v)).toList();
        return new FieldDef(name, FieldType.STRING, "picklist", true, false, options);
    }

    private static FieldDef enumeration(String name, FieldOption... options) {
        return new FieldDef(name, FieldType.STRING, "enumeration", true, false, List.of(options));
    }
}
