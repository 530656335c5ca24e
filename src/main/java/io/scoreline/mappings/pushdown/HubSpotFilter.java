package io.scoreline.mappings.pushdown;

import java.util.List;
import java.util.Objects;

/**
 * One filter of a CRM search request, shaped like its JSON: {@code value} for the comparison
 * operators, {@code values} for IN / NOT_IN, neither for HAS_PROPERTY / NOT_HAS_PROPERTY.
 * Datetimes and dates are epoch milliseconds (dates at midnight UTC), as HubSpot expects.
 */
public record HubSpotFilter(String propertyName, HubSpotOperator operator, String value, List<String> values) {

    public HubSpotFilter {
        Objects.requireNonNull(propertyName, "propertyName");
        Objects.requireNonNull(operator, "operator");
        values = values == null ? null : List.copyOf(values);
    }

    static HubSpotFilter of(String property, HubSpotOperator operator, String value) {
        return new HubSpotFilter(property, operator, value, null);
    }

    static HubSpotFilter of(String property, HubSpotOperator operator, List<String> values) {
        return new HubSpotFilter(property, operator, null, values);
    }

    static HubSpotFilter of(String property, HubSpotOperator operator) {
        return new HubSpotFilter(property, operator, null, null);
    }
}
