package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.HubSpotObjectReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code SimplePublicObject} JSON into neutral records: the properties as the rules read
 * them (the mapping module's reading, so that a stored record and a rule test see the same
 * fields), modified at {@code hs_lastmodifieddate}, deleted when archived.
 */
final class HubSpotRows {

    static final String MODIFIED = "hs_lastmodifieddate";
    static final String ID = "hs_object_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubSpotRows() {}

    static CrmRecord toRecord(String objectType, JsonNode object) {
        var id = object.path("id").asText("");
        if (id.isEmpty()) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "malformed hubspot " + objectType + " object without an id");
        }
        boolean archived = object.path("archived").asBoolean(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.convertValue(object, LinkedHashMap.class);
        var fields = HubSpotObjectReader.toMappingRecord(json, Optional.of(objectType))
                .fields();
        return new CrmRecord(
                objectType, id, modstamp(objectType, object, archived), archived, new LinkedHashMap<>(fields));
    }

    /** When the record last changed: its archiving time for an archived record, else hs_lastmodifieddate. */
    static Instant modstamp(String objectType, JsonNode object, boolean archived) {
        var text = archived && object.hasNonNull("archivedAt")
                ? object.path("archivedAt").asText()
                : object.path("properties")
                        .path(MODIFIED)
                        .asText(object.path("updatedAt").asText(""));
        if (text.isEmpty()) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "malformed hubspot " + objectType + " object "
                            + object.path("id").asText() + " without " + MODIFIED + " or updatedAt");
        }
        return instant(text);
    }

    /** HubSpot writes datetimes as ISO-8601 with milliseconds, and accepts (and sometimes sends) epoch milliseconds. */
    static Instant instant(String text) {
        try {
            return text.matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed hubspot datetime '" + text + "'");
        }
    }
}
