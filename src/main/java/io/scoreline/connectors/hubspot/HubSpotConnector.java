package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.connectors.spi.DiscoveredCatalog;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One HubSpot portal (one integration) over its REST API, each operation a route of
 * {@link HubSpotRoutes}: changes through CRM search, archived records through the archived list,
 * current state through batch read, owners as users.
 */
public final class HubSpotConnector implements CrmConnector {

    /** Ids per batch read: HubSpot's batch limit. */
    static final int BATCH = 100;
    /** Batch reads of one {@link #read} call in flight at once. */
    static final int READS_IN_FLIGHT = 4;
    /** Objects per page of the archived list: HubSpot's largest. */
    static final int LIST_PAGE = 100;

    private final HubSpotApi api;
    private final OptionalLong portalId;

    HubSpotConnector(HubSpotApi api, OptionalLong portalId) {
        this.api = api;
        this.portalId = portalId;
    }

    @Override
    public CrmProvider provider() {
        return CrmProvider.HUBSPOT;
    }

    @Override
    public ConnectionCheck check() {
        try {
            var owners = api.get(HubSpotRoutes.OWNERS, "owners check", "/crm/v3/owners/?limit=1");
            if (!owners.has("results")) {
                return new ConnectionCheck.ConnectionFailed(
                        FailureKind.BAD_INPUT,
                        "the owners API answered without results: " + api.baseUrl() + " is not a HubSpot API");
            }
            var hub = api.auth().hubId();
            if (hub.isPresent() && portalId.isPresent() && hub.getAsLong() != portalId.getAsLong()) {
                return new ConnectionCheck.ConnectionFailed(
                        FailureKind.AUTH,
                        "the credentials belong to portal " + hub.getAsLong() + ", not to portal "
                                + portalId.getAsLong() + " given with --portal-id");
            }
            var account =
                    "portal " + (portalId.isPresent() ? portalId.getAsLong() : hub.isPresent() ? hub.getAsLong() : "?")
                            + " at " + api.baseUrl();
            var detail = api.quota()
                    .map(q -> "daily API requests: " + q.used() + " used of " + q.max())
                    .orElse("owners readable");
            return new ConnectionCheck.Passed(account, detail);
        } catch (ScorelineException e) {
            return new ConnectionCheck.ConnectionFailed(e.kind(), e.getMessage());
        }
    }

    /** Active owners, then archived ones (deactivated users) marked inactive. */
    @Override
    public List<CrmUser> users() {
        var users = new LinkedHashMap<String, CrmUser>();
        for (boolean archived : new boolean[] {false, true}) {
            String after = null;
            do {
                var page = api.get(
                        HubSpotRoutes.OWNERS,
                        "owners",
                        "/crm/v3/owners/?limit=100&archived=" + archived
                                + (after == null ? "" : "&after=" + encode(after)));
                for (var owner : page.path("results")) {
                    var id = owner.path("id").asText("");
                    if (id.isEmpty()) {
                        continue;
                    }
                    var name = (owner.path("firstName").asText("") + " "
                                    + owner.path("lastName").asText(""))
                            .strip();
                    users.putIfAbsent(
                            id,
                            new CrmUser(
                                    id,
                                    emptyToNull(owner.path("email").asText(null)),
                                    name.isEmpty() ? null : name,
                                    !archived && !owner.path("archived").asBoolean(false)));
                }
                after = next(page);
            } while (after != null);
        }
        return List.copyOf(users.values());
    }

    /**
     * {@code /crm/v3/schemas} (the portal's custom objects), then {@code /crm/v3/properties/{type}}
     * for each wanted stock object type and each custom object (by its type id). A wanted type the
     * portal does not know (404) is left out. The calls counted are the attempts made, retries
     * included, as {@link HubSpotApi} counts them.
     */
    @Override
    public DiscoveredCatalog describe(Set<String> objects) {
        long before = api.calls();
        var schemas = api.get(HubSpotRoutes.SCHEMAS, "custom object schemas", "/crm/v3/schemas");
        var catalog = FieldCatalog.empty(CrmProvider.HUBSPOT);
        var custom = HubSpotDescribes.customObjects(schemas);
        for (var name : objects) {
            if (custom.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
                continue;
            }
            try {
                var properties = api.get(
                        HubSpotRoutes.SCHEMAS,
                        "properties of " + name,
                        "/crm/v3/properties/" + HubSpotSearches.objectType(name));
                catalog = catalog.withObject(HubSpotDescribes.object(name, Optional.empty(), properties));
            } catch (ScorelineException e) {
                if (e.kind() != FailureKind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        for (var object : custom) {
            var properties = api.get(
                    HubSpotRoutes.SCHEMAS,
                    "properties of " + object.name(),
                    "/crm/v3/properties/" + HubSpotSearches.objectType(object.objectTypeId()));
            catalog = catalog.withObject(
                    HubSpotDescribes.object(object.name(), Optional.of(object.objectTypeId()), properties));
        }
        return new DiscoveredCatalog(catalog, api.calls() - before);
    }

    @Override
    public PageSource changes(ChangeQuery query) {
        return new HubSpotChangePages(api, query);
    }

    /**
     * Batch reads of at most 100 ids; ids HubSpot does not return live are asked for again among
     * archived records, which come back deleted. Ids unknown to both are left out.
     */
    @Override
    public List<CrmRecord> read(String objectType, Set<String> fields, Collection<String> recordIds) {
        var type = HubSpotSearches.objectType(objectType);
        var ids = List.copyOf(new LinkedHashSet<>(recordIds));
        for (var id : ids) {
            if (!id.matches("\\d{1,20}")) {
                throw ScorelineException.badInput("not a HubSpot record id: '" + id + "'");
            }
        }
        var properties = HubSpotSearches.properties(fields);
        var records = new ArrayList<CrmRecord>();
        var missing = new ArrayList<String>();
        var batches = batches(ids);
        var answers = readTogether(type, properties, batches, false);
        for (int i = 0; i < batches.size(); i++) {
            records.addAll(answers.get(i));
            var seen = answers.get(i).stream().map(CrmRecord::recordId).collect(java.util.stream.Collectors.toSet());
            batches.get(i).stream().filter(id -> !seen.contains(id)).forEach(missing::add);
        }
        readTogether(type, properties, batches(missing), true).forEach(records::addAll);
        return records;
    }

    private static List<List<String>> batches(List<String> ids) {
        var batches = new ArrayList<List<String>>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }

    /**
     * The batch reads of one request go out together, at most {@link #READS_IN_FLIGHT} at a time:
     * the portal's limiter still paces every call, but a burst of webhooks waits for the slowest
     * call rather than for the sum of them (five calls one after another were most of an inbox
     * batch's time, measured by {@code bench webhooks}). Answers come back in batch order.
     */
    private List<List<CrmRecord>> readTogether(
            String type, List<String> properties, List<List<String>> batches, boolean archived) {
        if (batches.size() <= 1) {
            return batches.stream()
                    .map(batch -> batchRead(type, properties, batch, archived))
                    .toList();
        }
        var slots = new Semaphore(READS_IN_FLIGHT);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = batches.stream()
                    .map(batch -> executor.submit(() -> {
                        slots.acquire();
                        try {
                            return batchRead(type, properties, batch, archived);
                        } finally {
                            slots.release();
                        }
                    }))
                    .toList();
            var answers = new ArrayList<List<CrmRecord>>();
            for (var future : futures) {
                answers.add(answer(future));
            }
            return answers;
        }
    }

    private static List<CrmRecord> answer(Future<List<CrmRecord>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ScorelineException(FailureKind.BUG, "hubspot batch read failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while reading from HubSpot", e);
        }
    }

    private List<CrmRecord> batchRead(String type, List<String> properties, List<String> ids, boolean archived) {
        var body = new LinkedHashMap<String, Object>();
        body.put("inputs", ids.stream().map(id -> Map.of("id", id)).toList());
        body.put("properties", properties);
        var answer = api.post(
                HubSpotRoutes.BATCH_READ,
                "batch read " + type,
                "/crm/v3/objects/" + type + "/batch/read?archived=" + archived,
                body);
        var records = new ArrayList<CrmRecord>();
        for (var object : answer.path("results")) {
            records.add(HubSpotRows.toRecord(type, object));
        }
        return records;
    }

    /** HubSpot counts a search's matches in {@code total}; one call of one result. */
    @Override
    public long count(ChangeQuery query) {
        var answer = api.post(
                HubSpotRoutes.SEARCH,
                "count " + query.objectType(),
                "/crm/v3/objects/" + HubSpotSearches.objectType(query.objectType()) + "/search",
                HubSpotSearches.byTime(query, query.since(), true, 1));
        if (!answer.has("total")) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed hubspot search answer: no total");
        }
        return answer.path("total").asLong();
    }

    /** Search pages of 200, the count, and about one archived-list call. */
    @Override
    public long callsToRead(long records) {
        return Math.max(1, (records + HubSpotSearches.PAGE - 1) / HubSpotSearches.PAGE) + 2;
    }

    /**
     * Archived records never appear in search, so the archived list is read, newest ids last, and
     * those archived in the window come back deleted: their facts are retracted.
     */
    @Override
    public RecordPage deletions(String objectType, Instant from, Instant to) {
        var type = HubSpotSearches.objectType(objectType);
        long before = api.calls();
        var records = new ArrayList<CrmRecord>();
        String after = null;
        do {
            var page = api.get(
                    HubSpotRoutes.ARCHIVED,
                    "archived " + type,
                    "/crm/v3/objects/" + type + "?archived=true&limit=" + LIST_PAGE + "&properties="
                            + HubSpotRows.MODIFIED + (after == null ? "" : "&after=" + encode(after)));
            for (var object : page.path("results")) {
                var record = HubSpotRows.toRecord(type, object);
                if (record.deleted()
                        && !record.modstamp().isBefore(from)
                        && record.modstamp().isBefore(to)) {
                    records.add(record);
                }
            }
            after = next(page);
        } while (after != null);
        return new RecordPage(type, records, Optional.empty(), (int) (api.calls() - before));
    }

    @Override
    public Optional<QuotaSnapshot> quota() {
        return api.quota();
    }

    @Override
    public long apiCalls() {
        return api.calls();
    }

    /** Of {@link #apiCalls()}, those HubSpot answered 429 (then waited and repeated): what pacing cost, not the read plan. */
    public long throttledCalls() {
        return api.throttled();
    }

    @Override
    public void close() {
        // The HTTP client, routes, rate limiter, breaker and OAuth session belong to the factory: other connections
        // share them.
    }

    private static String next(JsonNode page) {
        var after = page.path("paging").path("next").path("after").asText("");
        return after.isEmpty() ? null : after;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
