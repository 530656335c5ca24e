package io.scoreline.connectors.hubspot;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.failure.ScorelineException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CRM search bodies of a change read. Every search starts at {@code after = 0} and asks for
 * one page, so none comes near the 10,000-result cap however large the window: the next search
 * starts where the last one ended (keyset), either by modification time or, inside one crowded
 * timestamp, by record id.
 */
final class HubSpotSearches {

    /** HubSpot's largest search page. */
    static final int PAGE = 200;

    private HubSpotSearches() {}

    /** Records modified at or after (or strictly after) {@code from}, before the query's end, oldest first. */
    static Map<String, Object> byTime(ChangeQuery query, Instant from, boolean inclusive, int limit) {
        var filters = new ArrayList<Map<String, Object>>();
        filters.add(filter(HubSpotRows.MODIFIED, inclusive ? "GTE" : "GT", from));
        query.until().ifPresent(until -> filters.add(filter(HubSpotRows.MODIFIED, "LT", until)));
        return body(
                HubSpotPushedFilters.groups(query.filter(), filters),
                HubSpotRows.MODIFIED,
                properties(query.fields()),
                limit);
    }

    /** Records modified exactly at {@code at} with an id above {@code afterId} (when given), by ascending id. */
    static Map<String, Object> atInstant(ChangeQuery query, Instant at, Optional<String> afterId) {
        var filters = new ArrayList<Map<String, Object>>();
        filters.add(filter(HubSpotRows.MODIFIED, "EQ", at));
        afterId.ifPresent(id -> filters.add(Map.of("propertyName", HubSpotRows.ID, "operator", "GT", "value", id)));
        return body(
                HubSpotPushedFilters.groups(query.filter(), filters), HubSpotRows.ID, properties(query.fields()), PAGE);
    }

    private static Map<String, Object> body(
            List<? extends Map<String, ?>> groups, String sortBy, List<String> properties, int limit) {
        var body = new LinkedHashMap<String, Object>();
        body.put("filterGroups", groups);
        body.put("sorts", List.of(Map.of("propertyName", sortBy, "direction", "ASCENDING")));
        body.put("properties", properties);
        body.put("limit", limit);
        body.put("after", "0");
        return body;
    }

    private static Map<String, Object> filter(String property, String operator, Instant at) {
        return Map.of("propertyName", property, "operator", operator, "value", Long.toString(at.toEpochMilli()));
    }

    /** The rules' fields plus the cursor's keys; names are checked since they travel into HubSpot's API. */
    static List<String> properties(Set<String> fields) {
        var names = new TreeSet<String>();
        names.add(HubSpotRows.ID);
        names.add(HubSpotRows.MODIFIED);
        for (var field : fields) {
            names.add(property(field));
        }
        return List.copyOf(names);
    }

    static String property(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]+")) {
            throw ScorelineException.badInput("not a HubSpot property name: '" + name + "'");
        }
        return name;
    }

    static String objectType(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*|\\d+-\\d+")) {
            throw ScorelineException.badInput("not a HubSpot object type: '" + name + "'");
        }
        return name;
    }
}
