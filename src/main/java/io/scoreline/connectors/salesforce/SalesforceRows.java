package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.ScorelineException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turns REST query rows (read by {@link QueryPageReader}) into neutral records: fields as the JSON gave them. */
final class SalesforceRows {

    /** Salesforce writes offsets without a colon: {@code 2024-05-17T14:03:22.000+0000}. */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

    private SalesforceRows() {
    }

    /** @param fields a row's members as read, {@code attributes} already left out */
    static CrmRecord toRecord(String objectType, Map<String, Object> fields) {
        if (!(fields.get("Id") instanceof String id) || !(fields.get(SoqlChangeQuery.MODSTAMP) instanceof String modstamp)) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed " + objectType + " row without Id or SystemModstamp");
        }
        return new CrmRecord(objectType, id, instant(modstamp), Boolean.TRUE.equals(fields.get("IsDeleted")), fields);
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
}
