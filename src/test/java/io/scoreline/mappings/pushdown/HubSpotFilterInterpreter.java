package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Applies filter groups to a HubSpot object's string properties as CRM search does (groups
 * ORed, filters ANDed), reading a property missing from the record as matching nothing but
 * NOT_HAS_PROPERTY: the least favourable reading for NEQ and NOT_IN. Values are compared by
 * the property's declared type; text ignoring case. Test code only.
 */
final class HubSpotFilterInterpreter {

    private HubSpotFilterInterpreter() {}

    static boolean selects(
            List<HubSpotFilterGroup> groups, Map<String, String> properties, Map<String, FieldType> types) {
        return groups.stream().anyMatch(g -> g.filters().stream().allMatch(f -> holds(f, properties, types)));
    }

    private static boolean holds(HubSpotFilter filter, Map<String, String> properties, Map<String, FieldType> types) {
        var value = properties.get(filter.propertyName());
        if (filter.operator() == HubSpotOperator.NOT_HAS_PROPERTY) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        var type = types.get(filter.propertyName());
        return switch (filter.operator()) {
            case HAS_PROPERTY -> true;
            case EQ -> compare(value, filter.value(), type) == 0;
            case NEQ -> compare(value, filter.value(), type) != 0;
            case LT -> compare(value, filter.value(), type) < 0;
            case LTE -> compare(value, filter.value(), type) <= 0;
            case GT -> compare(value, filter.value(), type) > 0;
            case GTE -> compare(value, filter.value(), type) >= 0;
            case IN -> filter.values().stream().anyMatch(v -> compare(value, v, type) == 0);
            case NOT_IN -> filter.values().stream().noneMatch(v -> compare(value, v, type) == 0);
            case NOT_HAS_PROPERTY -> throw new IllegalStateException("handled above");
        };
    }

    private static int compare(String property, String filterValue, FieldType type) {
        return switch (type) {
            case STRING, BOOLEAN -> property.compareToIgnoreCase(filterValue);
            case NUMBER -> new BigDecimal(property).compareTo(new BigDecimal(filterValue));
            case DATE, DATETIME -> Long.compare(epochMillis(property), epochMillis(filterValue));
        };
    }

    private static long epochMillis(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toEpochMilli();
        }
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }
}
