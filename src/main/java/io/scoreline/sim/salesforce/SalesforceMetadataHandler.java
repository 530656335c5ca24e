package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versions, the resource directory, describe, limits and single-record reads. */
final class SalesforceMetadataHandler {

    static final List<String> VERSIONS =
            List.of("50.0", "52.0", "54.0", "56.0", "58.0", "59.0", "60.0", "61.0", "62.0");

    private final ApiQuota quota;
    private final SalesforceRecords records;

    SalesforceMetadataHandler(ApiQuota quota, SalesforceRecords records) {
        this.quota = quota;
        this.records = records;
    }

    Reply versions() {
        List<Map<String, Object>> versions = new ArrayList<>();
        for (String version : VERSIONS) {
            versions.add(
                    Map.of("label", "Simulated " + version, "url", "/services/data/v" + version, "version", version));
        }
        return Reply.json(200, versions);
    }

    Reply resources(String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String resource : List.of("sobjects", "query", "queryAll", "limits", "jobs")) {
            body.put(resource, "/services/data/v" + version + "/" + resource);
        }
        return Reply.json(200, body);
    }

    Reply globalDescribe(String version) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (SalesforceObject type : SalesforceSchema.ALL) {
            objects.add(summary(type, version));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        body.put("sobjects", objects);
        return Reply.json(200, body);
    }

    Reply describe(String typeName, String version) {
        Optional<SalesforceObject> type = SalesforceSchema.find(typeName);
        if (type.isEmpty()) {
            return SalesforceErrors.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        Map<String, Object> body = summary(type.get(), version);
        List<Map<String, Object>> fields = new ArrayList<>();
        SalesforceSchemaDrift drift = records.schemaDrift();
        for (SalesforceField field : drift.fields(type.get())) {
            // A renamed field keeps its picklist and formula: look them up by its stock name.
            SalesforceField stock = drift.stockField(type.get(), field.name());
            fields.add(describe(type.get(), field, stock));
        }
        body.put("fields", fields);
        return Reply.json(200, body);
    }

    Reply record(String typeName, String id, String version) {
        Optional<SalesforceRow> row = SalesforceSchema.find(typeName)
                .flatMap(type -> records.byId(id).filter(found -> found.type() == type && !found.deleted()));
        return row.<Reply>map(found -> Reply.json(200, SalesforceJsonWriter.fullRecord(found, version)))
                .orElseGet(SalesforceErrors::notFound);
    }

    Reply limits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("DailyApiRequests", limit(quota.max(), quota.remaining()));
        body.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
        body.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
        body.put("DailyDurableStreamingApiEvents", limit(10_000, 10_000));
        body.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        return Reply.json(200, body);
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("Max", max);
        limit.put("Remaining", remaining);
        return limit;
    }

    private static Map<String, Object> summary(SalesforceObject type, String version) {
        String base = "/services/data/v" + version + "/sobjects/" + type.name();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", type.name());
        boolean custom = type.name().endsWith("__c");
        body.put("label", custom ? type.labelPlural().replaceFirst("s$", "") : type.name());
        body.put("labelPlural", type.labelPlural());
        body.put("keyPrefix", type.keyPrefix());
        body.put("custom", custom);
        body.put("queryable", true);
        body.put("retrieveable", true);
        body.put("searchable", true);
        body.put("replicateable", true);
        body.put("createable", false);
        body.put("updateable", false);
        body.put("deletable", false);
        body.put("urls", Map.of("sobject", base, "describe", base + "/describe", "rowTemplate", base + "/{ID}"));
        return body;
    }

    private Map<String, Object> describe(SalesforceObject type, SalesforceField field, SalesforceField stock) {
        SalesforceFieldType fieldType = field.type();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("label", label(field.name()));
        json.put("type", fieldType.describeName());
        json.put("soapType", fieldType.soapType());
        json.put("nillable", field.nillable());
        json.put("custom", field.custom());
        json.put("calculated", field.calculated());
        json.put(
                "calculatedFormula",
                field.calculated() ? records.stageProbabilities().formula() : null);
        json.put("createable", false);
        json.put("updateable", false);
        json.put("filterable", true);
        json.put("sortable", true);
        json.put("groupable", fieldType != SalesforceFieldType.DATETIME);
        int length = fieldType.textual()
                ? (fieldType == SalesforceFieldType.ID || fieldType == SalesforceFieldType.REFERENCE ? 18 : 255)
                : 0;
        json.put("length", length);
        json.put("byteLength", length * 3);
        json.put("precision", fieldType == SalesforceFieldType.CURRENCY ? 18 : 0);
        json.put("scale", fieldType == SalesforceFieldType.CURRENCY ? 2 : 0);
        json.put("restrictedPicklist", fieldType == SalesforceFieldType.PICKLIST && field.custom());
        json.put("referenceTo", field.referenceTo() == null ? List.of() : List.of(field.referenceTo()));
        json.put("relationshipName", field.relationshipName());
        json.put(
                "picklistValues",
                SalesforcePicklists.of(type, stock).stream()
                        .map(value -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("active", true);
                            entry.put("defaultValue", false);
                            entry.put("label", value);
                            entry.put("validFor", null);
                            entry.put("value", value);
                            return entry;
                        })
                        .toList());
        return json;
    }

    /** {@code Call_Outcome__c} reads "Call Outcome" in Setup; stock names keep their API name. */
    private static String label(String name) {
        return name.endsWith("__c") ? name.substring(0, name.length() - 3).replace('_', ' ') : name;
    }
}
