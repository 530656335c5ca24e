package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.salesforce.soql.FieldPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How query pages were rendered before {@link QueryPageWriter}: rows found by id, a map per row, a
 * {@link DateTimeFormatter} per datetime, the whole page through the mapper. Kept as the reference the
 * streamed bytes must equal.
 */
final class MapQueryPage {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);

    private MapQueryPage() {}

    static byte[] page(SalesforceQueryEngine engine, QueryCursor cursor, int offset, String version) {
        int end = Math.min(cursor.size(), offset + cursor.batchSize());
        List<Map<String, Object>> rows = new ArrayList<>(end - offset);
        for (int i = offset; i < end; i++) {
            engine.records()
                    .byId(SalesforceIds.of(cursor.type().keyPrefix(), cursor.idNumbers()[i]))
                    .ifPresent(row -> rows.add(selected(row, cursor.fields(), version, engine.records()::byId)));
        }
        boolean done = end >= cursor.size();
        String next = done ? null : "/services/data/v" + version + "/query/" + cursor.id() + "-" + end;
        return JsonCodec.write(page(cursor.size(), done, next, rows));
    }

    static byte[] count(long total) {
        return JsonCodec.write(page(total, true, null, List.of()));
    }

    private static Map<String, Object> page(long total, boolean done, String next, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", total);
        body.put("done", done);
        if (next != null) {
            body.put("nextRecordsUrl", next);
        }
        body.put("records", rows);
        return body;
    }

    static Map<String, Object> selected(
            SalesforceRow row,
            List<FieldPath> fields,
            String version,
            Function<String, Optional<SalesforceRow>> parents) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes(row.type(), row.id(), version));
        for (FieldPath path : fields) {
            if (!path.isRelationship()) {
                SalesforceField field =
                        row.type().field(path.parts().getFirst()).orElseThrow();
                json.put(field.name(), value(row.value(field.name())));
                continue;
            }
            SalesforceField lookup =
                    row.type().relationship(path.parts().getFirst()).orElseThrow();
            Optional<SalesforceRow> parent =
                    Optional.ofNullable((String) row.value(lookup.name())).flatMap(parents);
            if (parent.isEmpty()) {
                json.put(lookup.relationshipName(), null);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) json.computeIfAbsent(lookup.relationshipName(), name -> {
                Map<String, Object> created = new LinkedHashMap<>();
                created.put(
                        "attributes",
                        attributes(parent.get().type(), parent.get().id(), version));
                return created;
            });
            SalesforceField field =
                    parent.get().type().field(path.parts().get(1)).orElseThrow();
            nested.put(field.name(), value(parent.get().value(field.name())));
        }
        return json;
    }

    private static Map<String, Object> attributes(SalesforceObject type, String id, String version) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type.name());
        attributes.put("url", "/services/data/v" + version + "/sobjects/" + type.name() + "/" + id);
        return attributes;
    }

    private static Object value(Object raw) {
        return switch (raw) {
            case Instant instant -> DATETIME.format(instant);
            case LocalDate date -> date.toString();
            case null -> null;
            default -> raw;
        };
    }
}
