package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.eval.TimestampParser;
import java.time.Instant;
import java.util.Map;

/** Turns REST query rows (read by {@link QueryPageReader}) into neutral records: fields as the JSON gave them. */
final class SalesforceRows {

    private SalesforceRows() {}

    /** @param fields a row's members as read, {@code attributes} already left out */
    static CrmRecord toRecord(String objectType, Map<String, Object> fields) {
        if (!(fields.get("Id") instanceof String id)
                || !(fields.get(SoqlChangeQuery.MODSTAMP) instanceof String modstamp)) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "malformed " + objectType + " row without Id or SystemModstamp");
        }
        return new CrmRecord(objectType, id, instant(modstamp), Boolean.TRUE.equals(fields.get("IsDeleted")), fields);
    }

    /**
     * The rules' own reader: java.time's general parser (a {@code DateTimeFormatter}) cost more per
     * row than the rest of turning a row into a record.
     */
    static Instant instant(String text) {
        var instant = TimestampParser.isoInstant(text);
        if (instant == null) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed Salesforce datetime '" + text + "'");
        }
        return instant;
    }
}
