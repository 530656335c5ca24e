package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.HubSpotFilterCompiler;
import io.scoreline.mappings.pushdown.HubSpotFilterGroup;
import io.scoreline.mappings.pushdown.HubSpotFilterLimits;
import io.scoreline.mappings.pushdown.PushDown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backfill's rule push-down for HubSpot: the rules' condition on one object as search
 * {@code filterGroups}, carried in {@link io.scoreline.connectors.spi.ChangeQuery#filter()} as their
 * JSON and ANDed into every search of the read by adding the window's filters to each group. Every
 * search of a read adds two filters to a group (a time bound each side, or a timestamp and an id), so
 * the rules get what is left of HubSpot's limits (5 groups, 6 filters a group, 18 in all).
 */
final class HubSpotPushedFilters {

    static final int WINDOW_FILTERS = 2;
    private static final int MAX_GROUPS = 5;
    private static final HubSpotFilterCompiler COMPILER = new HubSpotFilterCompiler(
            new HubSpotFilterLimits(MAX_GROUPS, 6 - WINDOW_FILTERS, 18 - MAX_GROUPS * WINDOW_FILTERS));
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubSpotPushedFilters() {}

    static PushDown<String> compile(RuleSet rules, String objectType) {
        return switch (COMPILER.compile(rules, objectType)) {
            case PushDown.MatchAll<List<HubSpotFilterGroup>> all -> new PushDown.MatchAll<>();
            case PushDown.NotPushable<List<HubSpotFilterGroup>> not -> new PushDown.NotPushable<>(not.reason());
            case PushDown.Pushable<List<HubSpotFilterGroup>> pushable ->
                new PushDown.Pushable<>(write(pushable.filter()));
        };
    }

    /** The groups as a search body spells them. */
    private static String write(List<HubSpotFilterGroup> groups) {
        var json = new ArrayList<Map<String, Object>>();
        for (var group : groups) {
            var filters = new ArrayList<Map<String, Object>>();
            for (var filter : group.filters()) {
                var spelled = new LinkedHashMap<String, Object>();
                spelled.put("propertyName", HubSpotSearches.property(filter.propertyName()));
                spelled.put("operator", filter.operator().name());
                if (filter.value() != null) {
                    spelled.put("value", filter.value());
                }
                if (filter.values() != null) {
                    spelled.put("values", filter.values());
                }
                filters.add(spelled);
            }
            json.add(Map.of("filters", filters));
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write hubspot filter groups", e);
        }
    }

    /**
     * The search's filter groups: the window's filters alone without a push-down, else each pushed
     * group with the window's filters added (AND distributes over the groups' OR).
     */
    static List<Map<String, Object>> groups(java.util.Optional<String> pushed, List<Map<String, Object>> window) {
        if (pushed.isEmpty()) {
            return List.of(Map.of("filters", window));
        }
        List<Map<String, Object>> read;
        try {
            read = JSON.readValue(pushed.get(), new TypeReference<List<Map<String, Object>>>() {});
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "malformed hubspot push-down filter: " + pushed.get(), e);
        }
        var groups = new ArrayList<Map<String, Object>>();
        for (var group : read) {
            var filters = new ArrayList<Object>();
            if (group.get("filters") instanceof List<?> pushedFilters) {
                filters.addAll(pushedFilters);
            }
            filters.addAll(window);
            groups.add(Map.of("filters", filters));
        }
        return groups;
    }
}
