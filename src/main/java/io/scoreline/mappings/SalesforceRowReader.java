package io.scoreline.mappings;

import java.util.HashMap;
import java.util.Map;

/** Builds {@link MappingRecord}s from Salesforce REST query rows, already parsed from JSON. */
public final class SalesforceRowReader {

    private SalesforceRowReader() {}

    /**
     * The row's fields, with its type from {@code attributes.type} and its id from {@code Id}.
     * Relationship fields stay nested maps ({@code Owner: {Email: …}}), which is how rules read
     * {@code Owner.Email}.
     *
     * @throws IllegalArgumentException when the row lacks {@code attributes.type} or {@code Id}
     */
    public static MappingRecord toMappingRecord(Map<String, ?> row) {
        if (!(row.get("attributes") instanceof Map<?, ?> attributes) || attributes.get("type") == null) {
            throw new IllegalArgumentException("Salesforce row without attributes.type");
        }
        var id = row.get("Id");
        if (id == null) {
            throw new IllegalArgumentException("Salesforce row without an Id");
        }
        var fields = new HashMap<String, Object>(row);
        fields.remove("attributes");
        return new MappingRecord(attributes.get("type").toString(), id.toString(), fields);
    }
}
