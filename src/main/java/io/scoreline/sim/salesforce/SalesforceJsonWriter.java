package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Writes rows the way the REST API does: attributes first, datetimes as {@code ...000+0000}. */
public final class SalesforceJsonWriter {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'")
            .withZone(ZoneOffset.UTC);

    private SalesforceJsonWriter() {
    }

    public static String dateTime(Instant instant) {
        return DATETIME.format(instant);
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

    /** The selected fields; parent fields are nested under the relationship name, or null without a parent. */
    static Map<String, Object> selected(SalesforceRow row, List<FieldPath> fields, String version,
            Function<String, Optional<SalesforceRow>> parents) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes(row.type(), row.id(), version));
        for (FieldPath path : fields) {
            if (!path.isRelationship()) {
                SalesforceField field = row.type().field(path.parts().getFirst()).orElseThrow();
                json.put(field.name(), value(row.value(field.name())));
                continue;
            }
            SalesforceField lookup = row.type().relationship(path.parts().getFirst()).orElseThrow();
            Optional<SalesforceRow> parent = Optional.ofNullable((String) row.value(lookup.name()))
                    .flatMap(parents);
            if (parent.isEmpty()) {
                json.put(lookup.relationshipName(), null);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) json.computeIfAbsent(lookup.relationshipName(),
                    name -> {
                        Map<String, Object> created = new LinkedHashMap<>();
                        created.put("attributes", attributes(parent.get().type(), parent.get().id(), version));
                        return created;
                    });
            SalesforceField field = parent.get().type().field(path.parts().get(1)).orElseThrow();
            nested.put(field.name(), value(parent.get().value(field.name())));
        }
        return json;
    }
}
