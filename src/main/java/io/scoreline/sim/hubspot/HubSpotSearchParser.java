package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a search body and enforces HubSpot's request limits (groups, filters, page size). Sorts are
 * accepted both as strings ({@code "prop"}, {@code "-prop"}) and as {@code {propertyName, direction}}.
 */
final class HubSpotSearchParser {

    /** Thrown for a body HubSpot answers with 400 VALIDATION_ERROR. */
    static class InvalidSearch extends RuntimeException {
        InvalidSearch(String message) {
            super(message);
        }
    }

    /** A filter on a property the portal does not have (never had, or deleted or renamed since). */
    static final class UnknownProperty extends InvalidSearch {
        private final String property;
        private final String where;

        UnknownProperty(String property, String where) {
            super("Property '" + property + "' does not exist");
            this.property = property;
            this.where = where;
        }

        String property() {
            return property;
        }

        /** The JSON path of the offending name, e.g. {@code filterGroups[0].filters[1].propertyName}. */
        String where() {
            return where;
        }
    }

    static final int MAX_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 6;
    static final int MAX_FILTERS = 18;
    static final int MAX_LIMIT = 200;

    private HubSpotSearchParser() {}

    static HubSpotSearchRequest parse(byte[] body, HubSpotObjectType type, HubSpotSchemaDrift drift) {
        Map<String, Object> json;
        try {
            json = body.length == 0 ? Map.of() : JsonCodec.readObject(body);
        } catch (IOException e) {
            throw new InvalidSearch("Invalid input JSON on line 1: " + firstLine(e.getMessage()));
        }
        List<List<HubSpotSearchRequest.Filter>> groups = new ArrayList<>();
        int total = 0;
        for (Object group : list(json.get("filterGroups"), "filterGroups")) {
            if (!(group instanceof Map<?, ?> groupMap)) {
                throw new InvalidSearch("filterGroups must contain objects");
            }
            List<HubSpotSearchRequest.Filter> filters = new ArrayList<>();
            for (Object filter : list(groupMap.get("filters"), "filters")) {
                String where = "filterGroups[" + groups.size() + "].filters[" + filters.size() + "].propertyName";
                filters.add(filter(filter, type, drift, where));
            }
            if (filters.size() > MAX_FILTERS_PER_GROUP) {
                throw new InvalidSearch("Too many filters in a filter group: " + filters.size() + ". The maximum is "
                        + MAX_FILTERS_PER_GROUP + ".");
            }
            total += filters.size();
            groups.add(filters);
        }
        if (groups.size() > MAX_GROUPS) {
            throw new InvalidSearch(
                    "Too many filter groups: " + groups.size() + ". The maximum is " + MAX_GROUPS + ".");
        }
        if (total > MAX_FILTERS) {
            throw new InvalidSearch("Too many filters: " + total + ". The maximum is " + MAX_FILTERS + ".");
        }
        List<?> sorts = list(json.get("sorts"), "sorts");
        Optional<HubSpotSearchRequest.Sort> sort = sorts.isEmpty() ? Optional.empty() : Optional.of(sort(sorts.get(0)));
        List<String> properties = list(json.get("properties"), "properties").stream()
                .map(String::valueOf)
                .toList();
        int limit = integer(json.get("limit"), 10, "limit");
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new InvalidSearch("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        int after = integer(json.get("after"), 0, "after");
        return new HubSpotSearchRequest(
                groups, sort, properties, Optional.ofNullable(json.get("query")).map(String::valueOf), limit, after);
    }

    private static HubSpotSearchRequest.Filter filter(
            Object raw, HubSpotObjectType type, HubSpotSchemaDrift drift, String where) {
        if (!(raw instanceof Map<?, ?> filter) || !(filter.get("propertyName") instanceof String property)) {
            throw new InvalidSearch("each filter needs a propertyName");
        }
        if (drift.find(type, property).isEmpty()) {
            throw new UnknownProperty(property, where);
        }
        HubSpotSearchRequest.Operator operator;
        try {
            operator = HubSpotSearchRequest.Operator.valueOf(
                    String.valueOf(filter.get("operator")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearch("Unable to parse operator '" + filter.get("operator") + "'. Valid values: "
                    + Arrays.toString(HubSpotSearchRequest.Operator.values()));
        }
        String value = filter.get("value") == null ? null : String.valueOf(filter.get("value"));
        String high = filter.get("highValue") == null ? null : String.valueOf(filter.get("highValue"));
        List<String> values = list(filter.get("values"), "values").stream()
                .map(String::valueOf)
                .toList();
        boolean needsValue = switch (operator) {
            case EQ, NEQ, LT, LTE, GT, GTE, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN -> value == null;
            case BETWEEN -> value == null || high == null;
            case IN, NOT_IN -> values.isEmpty();
            case HAS_PROPERTY, NOT_HAS_PROPERTY -> false;
        };
        if (needsValue) {
            throw new InvalidSearch("Operator " + operator + " on " + property + " is missing its value");
        }
        return new HubSpotSearchRequest.Filter(property, operator, value, high, values);
    }

    private static HubSpotSearchRequest.Sort sort(Object raw) {
        if (raw instanceof String text) {
            return text.startsWith("-")
                    ? new HubSpotSearchRequest.Sort(text.substring(1), true)
                    : new HubSpotSearchRequest.Sort(text, false);
        }
        if (raw instanceof Map<?, ?> map && map.get("propertyName") instanceof String property) {
            return new HubSpotSearchRequest.Sort(property, "DESCENDING".equals(map.get("direction")));
        }
        throw new InvalidSearch("sorts must be property names or {propertyName, direction} objects");
    }

    private static List<?> list(Object raw, String field) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list) {
            return list;
        }
        throw new InvalidSearch(field + " must be an array");
    }

    private static int integer(Object raw, int fallback, String field) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(raw));
        } catch (NumberFormatException e) {
            throw new InvalidSearch(field + " must be an integer, was " + raw);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
