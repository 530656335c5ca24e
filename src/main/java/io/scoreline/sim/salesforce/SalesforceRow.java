package io.scoreline.sim.salesforce;

import java.util.Map;

/**
 * One record as the Salesforce simulator holds it: canonical field names to Java values
 * ({@code String}, {@code Boolean}, {@code Integer}, {@code BigDecimal}, {@code LocalDate},
 * {@code Instant}, or null).
 */
public record SalesforceRow(SalesforceObject type, String id, Map<String, Object> values) {

    public Object value(String canonicalName) {
        return values.get(canonicalName);
    }

    public boolean deleted() {
        return Boolean.TRUE.equals(values.get("IsDeleted"));
    }
}
