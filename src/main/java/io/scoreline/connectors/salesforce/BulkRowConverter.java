package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Bulk API 2.0 CSV row into the record the REST query would have given: CSV has only
 * strings, so each value is converted by its describe type (booleans, numbers as JSON would parse
 * them, datetimes in REST's {@code +0000} form, empty as null) and relationship columns
 * ({@code Owner.Email}) become nested maps. Same record, same rules, same facts.
 */
final class BulkRowConverter {

    private static final DateTimeFormatter REST_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private final String objectType;
    private final List<String> columns;
    private final Map<String, String> typesByField;

    /** @param typesByField describe types by lower-case field name ({@code boolean}, {@code int}, {@code datetime}, …) */
    BulkRowConverter(String objectType, List<String> columns, Map<String, String> typesByField) {
        this.objectType = objectType;
        this.columns = List.copyOf(columns);
        this.typesByField = Map.copyOf(typesByField);
    }

    CrmRecord toRecord(List<String> values) {
        if (values.size() != columns.size()) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "malformed Salesforce bulk result for " + objectType + ": a row has " + values.size()
                            + " values for " + columns.size() + " columns");
        }
        var fields = new LinkedHashMap<String, Object>();
        for (int i = 0; i < columns.size(); i++) {
            put(fields, columns.get(i), values.get(i));
        }
        var id = fields.get("Id");
        var modstamp = fields.get(SoqlChangeQuery.MODSTAMP);
        if (!(id instanceof String recordId) || !(modstamp instanceof String stamp)) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "malformed " + objectType + " bulk row without Id or SystemModstamp");
        }
        return new CrmRecord(
                objectType,
                recordId,
                SalesforceRows.instant(stamp),
                Boolean.TRUE.equals(fields.get("IsDeleted")),
                fields);
    }

    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> fields, String column, String text) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            fields.put(
                    column,
                    convert(typesByField.getOrDefault(column.toLowerCase(Locale.ROOT), "string"), column, text));
            return;
        }
        // Parent fields: REST nests them ({"Owner": {"Email": …}}); the parent's types are not described, so text.
        var parent = (Map<String, Object>)
                fields.computeIfAbsent(column.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        put(parent, column.substring(dot + 1), text);
    }

    private Object convert(String type, String column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return switch (type) {
                case "boolean" -> Boolean.parseBoolean(text);
                case "int", "double", "currency", "percent", "long" -> number(text);
                case "datetime" -> REST_DATETIME.format(Instant.parse(text));
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "malformed Salesforce bulk value for " + objectType + "." + column + " (" + type + "): '" + text
                            + "'");
        }
    }

    /** As Jackson reads the same digits from REST JSON: whole numbers as Integer or Long, others as Double. */
    private static Object number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            long value = Long.parseLong(text);
            return value == (int) value ? (Object) (int) value : (Object) value;
        }
        return Double.parseDouble(text);
    }
}
