package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /crm/v3/objects/{type}/search}: archived objects never match, {@code after} is the offset
 * of the next result, and no page may reach past the 10,000th result (400, as HubSpot answers).
 */
final class HubSpotSearchHandler {

    static final int RESULT_CAP = 10_000;

    private final HubSpotRecords records;

    HubSpotSearchHandler(HubSpotRecords records) {
        this.records = records;
    }

    Reply search(SimRequest request, String typeName) {
        Optional<HubSpotObjectType> type = HubSpotObjectType.fromPath(typeName);
        if (type.isEmpty()) {
            return HubSpotErrors.notFound();
        }
        try {
            HubSpotSearchRequest search = HubSpotSearchParser.parse(request.body(), type.get());
            if (search.after() >= RESULT_CAP || search.after() + search.limit() > RESULT_CAP) {
                return HubSpotErrors.validation("Search results are limited to " + RESULT_CAP + " per query;"
                        + " 'after' plus 'limit' may not exceed " + RESULT_CAP + ". Narrow the filters instead.");
            }
            HubSpotFilterEvaluator evaluator = new HubSpotFilterEvaluator(type.get());
            // Only the id and the sort value of each match are kept, so large result sets stay cheap.
            String sortProperty = search.sort().map(HubSpotSearchRequest.Sort::propertyName).orElse("hs_object_id");
            Comparator<HubSpotObject> ordering = search.sort().map(evaluator::ordering)
                    .orElse(Comparator.comparingLong(HubSpotObject::id));
            List<HubSpotObject> sorted = records.all(type.get())
                    .filter(object -> !object.archived() && evaluator.matches(search, object))
                    .map(object -> sortKey(object, sortProperty))
                    .sorted(ordering).toList();
            int end = Math.min(sorted.size(), search.after() + search.limit());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", sorted.size());
            body.put("results", sorted.subList(Math.min(search.after(), end), end).stream()
                    .map(key -> records.find(type.get(), key.id()).orElseThrow())
                    .map(object -> HubSpotJsonWriter.object(object, search.properties())).toList());
            if (end < sorted.size()) {
                body.put("paging", HubSpotJsonWriter.paging(Integer.toString(end)));
            }
            return Reply.json(200, body);
        } catch (HubSpotSearchParser.InvalidSearch e) {
            return HubSpotErrors.validation(e.getMessage());
        }
    }

    private static HubSpotObject sortKey(HubSpotObject object, String property) {
        Map<String, String> key = new HashMap<>(1);
        key.put(property, object.property(property));
        return new HubSpotObject(object.type(), object.id(), key, object.createdAt(), object.updatedAt(),
                object.archivedAt());
    }
}
