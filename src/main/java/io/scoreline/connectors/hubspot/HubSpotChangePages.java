package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.RecordPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages of one change query in ({@code hs_lastmodifieddate}, {@code hs_object_id}) order. HubSpot
 * honours one sort and its order among equal timestamps is not documented, so records sharing the
 * last timestamp of a search are not taken from it: the next search starts at that timestamp
 * again. When one whole search page shares a timestamp (a bulk import), that timestamp is read
 * on its own, by ascending id, before moving past it. Pages gather several searches, up to the
 * query's page size, so a transaction holds more than one search's 200 records.
 */
final class HubSpotChangePages implements PageSource {

    private final HubSpotApi api;
    private final ChangeQuery query;
    private final String path;
    private Instant from;
    private boolean inclusive = true;
    /** Set while reading one crowded timestamp by id. */
    private Instant crowded;

    private Optional<String> afterId = Optional.empty();
    private boolean done;

    /** @param apiName the object's name in the record APIs (a custom object's {@code 2-…} type id) */
    HubSpotChangePages(HubSpotApi api, ChangeQuery query, String apiName) {
        this.api = api;
        this.query = query;
        this.path = "/crm/v3/objects/" + HubSpotSearches.objectType(apiName) + "/search";
        this.from = query.since();
    }

    @Override
    public Optional<RecordPage> next() {
        if (done) {
            return Optional.empty();
        }
        long before = api.calls();
        var records = new ArrayList<CrmRecord>();
        while (!done && records.size() + HubSpotSearches.PAGE <= Math.max(HubSpotSearches.PAGE, query.pageSize())) {
            records.addAll(crowded == null ? searchByTime() : searchCrowded());
        }
        var cursor = records.isEmpty()
                ? Optional.<Checkpoint>empty()
                : Optional.of(new Checkpoint(
                        records.getLast().modstamp(), records.getLast().recordId()));
        return Optional.of(new RecordPage(query.objectType(), records, cursor, (int) (api.calls() - before)));
    }

    private List<CrmRecord> searchByTime() {
        var results = search(HubSpotSearches.byTime(query, from, inclusive, HubSpotSearches.PAGE));
        if (results.size() < HubSpotSearches.PAGE) {
            done = true;
            return results;
        }
        var last = results.getLast().modstamp();
        if (results.getFirst().modstamp().equals(last)) {
            crowded = last;
            afterId = Optional.empty();
            return List.of();
        }
        from = last;
        inclusive = true;
        return results.stream().filter(r -> r.modstamp().isBefore(last)).toList();
    }

    private List<CrmRecord> searchCrowded() {
        var results = search(HubSpotSearches.atInstant(query, crowded, afterId));
        if (results.size() < HubSpotSearches.PAGE) {
            from = crowded;
            inclusive = false;
            crowded = null;
        } else {
            afterId = Optional.of(results.getLast().recordId());
        }
        return results;
    }

    private List<CrmRecord> search(Object body) {
        JsonNode answer = api.post(HubSpotRoutes.SEARCH, "search " + query.objectType(), path, body);
        var records = new ArrayList<CrmRecord>();
        for (var object : answer.path("results")) {
            records.add(HubSpotRows.toRecord(query.objectType(), object));
        }
        return records;
    }
}
