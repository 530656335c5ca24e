package io.scoreline.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns REST query rows into neutral records: fields as the JSON gave them, minus {@code attributes}. */
final class SalesforceRows {

    /** Salesforce writes offsets without a colon: {@code 2024-05-17T14:03:22.000+0000}. */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceRows() {
    }

    static CrmRecord toRecord(String objectType, JsonNode row) {
        var id = row.path("Id").asText(null);
        var modstamp = row.path(SoqlChangeQuery.MODSTAMP).asText(null);
        if (id == null || modstamp == null) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed " + objectType + " row without Id or SystemModstamp");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(row, LinkedHashMap.class);
        fields.remove("attributes");
        stripAttributes(fields);
        return new CrmRecord(objectType, id, instant(modstamp), row.path("IsDeleted").asBoolean(false), fields);
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new ScorelineException(FailureKind.BAD_INPUT, "malformed Salesforce datetime '" + text + "'");
            }
        }
    }

    /** Relationship fields (Owner.Email) arrive as nested objects carrying their own {@code attributes}. */
    @SuppressWarnings("unchecked")
    private static void stripAttributes(Map<String, Object> fields) {
        for (var value : fields.values()) {
            if (value instanceof Map<?, ?> nested) {
                ((Map<String, Object>) nested).remove("attributes");
                stripAttributes((Map<String, Object>) nested);
            }
        }
    }
}
