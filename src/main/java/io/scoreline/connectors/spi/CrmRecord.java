package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One CRM row as a connector read it, before any mapping: which object, which record, when it
 * last changed, whether it is deleted (or archived), and its fields as the CRM's JSON gave them
 * (strings, numbers, booleans, nulls, nested maps for relationship paths).
 */
public record CrmRecord(
        String objectType, String recordId, Instant modstamp, boolean deleted, Map<String, Object> fields) {

    public CrmRecord {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(modstamp, "modstamp");
        Objects.requireNonNull(fields, "fields");
    }
}
