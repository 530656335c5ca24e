package io.scoreline.mappings;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One CRM record as the rules see it.
 *
 * @param objectType the CRM object type ({@code Task}, {@code calls}); matched ignoring case
 * @param recordId   the CRM record id
 * @param fields     values as the CRM's JSON gives them: String, Number, Boolean or null, and
 *                   nested maps for relationship paths such as {@code Owner.Email}
 */
public record MappingRecord(String objectType, String recordId, Map<String, Object> fields) {

    public MappingRecord {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(recordId, "recordId");
        // Not copied: records are evaluated at high rates and JSON maps may hold nulls.
        fields = Collections.unmodifiableMap(Objects.requireNonNull(fields, "fields"));
    }
}
