package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /crm/v3/objects/{type}/search}: archived objects never match, {@code after} is the offset
 * of the next result, and no page may reach past the 10,000th result (400, as HubSpot answers).
 */
final class HubSpotSearchHandler {

    static final int RESULT_CAP = 10_000;
    private static final int REMEMBERED_SEARCHES = 32;

    @SuppressWarnings("ArrayRecordComponent") // ids of one search, read by index; never compared
    private record Snapshot(long version, long[] ids) {}

    private final HubSpotRecords records;
    private final Map<String, Snapshot> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
            return size() > REMEMBERED_SEARCHES;
        }
    };

    HubSpotSearchHandler(HubSpotRecords records) {
        this.records = records;
    }

    Reply search(SimRequest request, String typeName) {
        Optional<HubSpotObjectType> type = records.typeNames().resolve(typeName);
        if (type.isEmpty()) {
            return HubSpotErrors.notFound();
        }
        try {
            HubSpotSearchRequest search = HubSpotSearchParser.parse(request.body(), type.get(), records.schemaDrift());
            if (search.after() >= RESULT_CAP || search.after() + search.limit() > RESULT_CAP) {
                return HubSpotErrors.validation("Search results are limited to " + RESULT_CAP + " per query;"
                        + " 'after' plus 'limit' may not exceed " + RESULT_CAP + ". Narrow the filters instead.");
            }
            long[] ids = matchingIds(type.get(), search);
            int end = Math.min(ids.length, search.after() + search.limit());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", ids.length);
            body.put(
                    "results",
                    Arrays.stream(ids, Math.min(search.after(), end), end)
                            .mapToObj(id -> records.find(type.get(), id).orElseThrow())
                            .map(object -> HubSpotJsonWriter.object(object, search.properties()))
                            .toList());
            if (end < ids.length) {
                body.put("paging", HubSpotJsonWriter.paging(Integer.toString(end)));
            }
            return Reply.json(200, body);
        } catch (HubSpotSearchParser.UnknownProperty e) {
            return HubSpotErrors.invalidProperty(e.property(), e.where());
        } catch (HubSpotSearchParser.InvalidSearch e) {
            return HubSpotErrors.validation(e.getMessage());
        }
    }

    /**
     * The ids matching a search in result order. Following pages of the same search reuse them while the
     * dataset is unchanged, so paging a large result does not rescan every object per page.
     */
    private long[] matchingIds(HubSpotObjectType type, HubSpotSearchRequest search) {
        String key = type + "|" + search.filterGroups() + "|" + search.sort() + "|" + search.query();
        long version = records.dataset().version();
        synchronized (recent) {
            Snapshot cached = recent.get(key);
            if (cached != null && cached.version() == version) {
                return cached.ids();
            }
        }
        HubSpotFilterEvaluator evaluator = new HubSpotFilterEvaluator(type, records.schemaDrift());
        HubSpotSearchRequest.Sort sort = search.sort().orElse(new HubSpotSearchRequest.Sort("hs_object_id", false));
        // Only the id and the sort value of each match are kept, so large result sets stay cheap.
        long[] ids = records.all(type)
                .filter(object -> !object.archived() && evaluator.matches(search, object))
                .map(object -> evaluator.sortKey(object, sort))
                .sorted(evaluator.ordering(sort))
                .mapToLong(HubSpotFilterEvaluator.SortKey::id)
                .toArray();
        synchronized (recent) {
            recent.put(key, new Snapshot(version, ids));
        }
        return ids;
    }
}
