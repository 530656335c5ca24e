package io.scoreline.connectors.salesforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one answer of {@code query}, {@code queryAll} or {@code queryMore} straight from the
 * response bytes, turning each row into a record as it is parsed. A page of 2,000 rows read as a
 * string, then a JSON tree, then maps, made three copies of every row; this makes one (ADR 0017).
 * Values keep the types a JSON tree would have given them: strings, booleans, {@code Integer},
 * {@code Long} or {@code BigInteger} for whole numbers, {@code Double} for the rest, nested maps for
 * relationship paths (without their {@code attributes}), {@code null}.
 */
final class QueryPageReader {

    /** A page: its records, whether it is the last, where the next one is, and the query's total. */
    record QueryPage(List<CrmRecord> records, boolean done, String nextRecordsUrl, long totalSize) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private QueryPageReader() {}

    /** @throws ScorelineException BAD_INPUT for malformed JSON, a page without records/done, or a row without Id or SystemModstamp */
    static QueryPage read(String action, String objectType, InputStream body) {
        if (body == null) {
            throw malformedPage(objectType);
        }
        try (var parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformedPage(objectType);
            }
            List<CrmRecord> records = null;
            Boolean done = null;
            String next = null;
            long total = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                var value = parser.nextToken();
                switch (name) {
                    case "records" -> records = rows(parser, objectType);
                    case "done" -> done = value == JsonToken.VALUE_TRUE;
                    case "nextRecordsUrl" -> next = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "totalSize" -> total = parser.getValueAsLong(-1);
                    default -> parser.skipChildren();
                }
            }
            if (records == null || done == null) {
                throw malformedPage(objectType);
            }
            if (!done && (next == null || next.isBlank())) {
                throw new ScorelineException(
                        FailureKind.BAD_INPUT,
                        "malformed Salesforce query page for " + objectType + ": not done, but no nextRecordsUrl");
            }
            return new QueryPage(records, done, done ? null : next, total);
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "salesforce " + action + " answered with malformed JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static List<CrmRecord> rows(JsonParser parser, String objectType) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw malformedPage(objectType);
        }
        var records = new ArrayList<CrmRecord>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            records.add(SalesforceRows.toRecord(objectType, object(parser)));
        }
        return records;
    }

    /** The object the parser is at, minus {@code attributes}; the parser ends on its closing brace. */
    private static Map<String, Object> object(JsonParser parser) throws IOException {
        var fields = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            var token = parser.nextToken();
            if (name.equals("attributes")) {
                parser.skipChildren();
                continue;
            }
            fields.put(name, value(parser, token));
        }
        return fields;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> object(parser);
            // Not in a change query's rows (no sub-queries); read as plain JSON should one appear.
            case START_ARRAY -> JSON.readValue(parser, List.class);
            default -> throw new IOException("unexpected " + token + " in a row");
        };
    }

    private static ScorelineException malformedPage(String objectType) {
        return new ScorelineException(
                FailureKind.BAD_INPUT,
                "malformed Salesforce query page for " + objectType + ": no records/done members");
    }
}
