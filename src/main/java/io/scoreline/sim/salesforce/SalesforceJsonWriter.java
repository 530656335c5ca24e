package io.scoreline.sim.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes rows the way the REST API does: attributes first, datetimes as {@code ...000+0000}. Query
 * pages stream the same shape through {@link QueryPageWriter}.
 */
public final class SalesforceJsonWriter {

    private SalesforceJsonWriter() {}

    public static String dateTime(Instant instant) {
        return DateTimeText.dateTime(instant);
    }

    public static Object value(Object raw) {
        return switch (raw) {
            case Instant instant -> dateTime(instant);
            case LocalDate date -> date.toString();
            case null -> null;
            default -> raw;
        };
    }

    public static Map<String, Object> attributes(SalesforceObject type, String id, String version) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type.name());
        attributes.put("url", "/services/data/v" + version + "/sobjects/" + type.name() + "/" + id);
        return attributes;
    }

    /** Every field of the row, as a record read by id or written to a dump. */
    public static Map<String, Object> fullRecord(SalesforceRow row, String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes(row.type(), row.id(), version));
        row.values().forEach((name, raw) -> json.put(name, value(raw)));
        return json;
    }
}
