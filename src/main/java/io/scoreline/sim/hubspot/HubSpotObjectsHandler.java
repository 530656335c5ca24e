package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects list (ascending id, {@code after} = next id), read by id, and batch read (200, or 207 with
 * errors for missing ids). {@code archived=true} returns only archived objects; {@code propertiesWithHistory}
 * adds HubSpot's history map (current values only, see {@link HubSpotJsonWriter}).
 */
final class HubSpotObjectsHandler {

    static final int MAX_LIST_LIMIT = 100;
    static final int MAX_BATCH = 100;

    private final HubSpotRecords records;
    private final Clock clock;

    HubSpotObjectsHandler(HubSpotRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    Reply list(SimRequest request, String typeName) {
        Optional<HubSpotObjectType> type = records.typeNames().resolve(typeName);
        if (type.isEmpty()) {
            return HubSpotErrors.notFound();
        }
        int limit;
        long after;
        try {
            limit = request.queryParam("limit").map(Integer::parseInt).orElse(10);
            after = request.queryParam("after")
                    .filter(value -> !value.isBlank())
                    .map(Long::parseLong)
                    .orElse(0L);
        } catch (NumberFormatException e) {
            return HubSpotErrors.validation("limit and after must be numbers");
        }
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            return HubSpotErrors.validation("limit must be between 1 and " + MAX_LIST_LIMIT);
        }
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        List<String> properties = properties(request, "properties");
        List<String> withHistory = properties(request, "propertiesWithHistory");
        List<HubSpotObject> page = records.from(type.get(), after)
                .filter(object -> object.archived() == archived)
                .limit(limit + 1L)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "results",
                page.stream()
                        .limit(limit)
                        .map(object -> HubSpotJsonWriter.object(object, properties, withHistory))
                        .toList());
        if (page.size() > limit) {
            body.put(
                    "paging",
                    HubSpotJsonWriter.paging(Long.toString(page.get(limit).id())));
        }
        return Reply.json(200, body);
    }

    Reply read(SimRequest request, String typeName, String id) {
        Optional<HubSpotObjectType> type = records.typeNames().resolve(typeName);
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        Optional<HubSpotObject> object = type.flatMap(t -> parseId(id).flatMap(n -> records.find(t, n)))
                .filter(found -> found.archived() == archived);
        return object.<Reply>map(found -> Reply.json(
                        200,
                        HubSpotJsonWriter.object(
                                found,
                                properties(request, "properties"),
                                properties(request, "propertiesWithHistory"))))
                .orElseGet(HubSpotErrors::notFound);
    }

    Reply batchRead(SimRequest request, String typeName) {
        Optional<HubSpotObjectType> type = records.typeNames().resolve(typeName);
        if (type.isEmpty()) {
            return HubSpotErrors.notFound();
        }
        Map<String, Object> input;
        try {
            input = JsonCodec.readObject(request.body());
        } catch (IOException e) {
            return HubSpotErrors.validation("Invalid input JSON: " + e.getMessage());
        }
        if (!(input.get("inputs") instanceof List<?> inputs)) {
            return HubSpotErrors.validation("inputs is required");
        }
        if (inputs.size() > MAX_BATCH) {
            return HubSpotErrors.validation("inputs may contain at most " + MAX_BATCH + " items");
        }
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        List<String> properties = input.get("properties") instanceof List<?> names
                ? names.stream().map(String::valueOf).toList()
                : List.of();
        List<String> withHistory = input.get("propertiesWithHistory") instanceof List<?> names
                ? names.stream().map(String::valueOf).toList()
                : List.of();
        String startedAt = HubSpotPropertyMapper.iso(clock.instant());
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Object entry : inputs) {
            String id = entry instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : String.valueOf(entry);
            parseId(id)
                    .flatMap(n -> records.find(type.get(), n))
                    .filter(found -> found.archived() == archived)
                    .ifPresentOrElse(
                            found -> results.add(HubSpotJsonWriter.object(found, properties, withHistory)),
                            () -> missing.add(id));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", results);
        if (!missing.isEmpty()) {
            Map<String, Object> error = HubSpotErrors.body(
                    "OBJECT_NOT_FOUND",
                    "Could not get some " + type.get().pathName()
                            + " objects, they may be deleted or not exist. Check that ids are valid.");
            error.remove("correlationId");
            error.put("context", Map.of("ids", missing));
            body.put("numErrors", 1);
            body.put("errors", List.of(error));
        }
        body.put("requestedAt", startedAt);
        body.put("startedAt", startedAt);
        body.put("completedAt", HubSpotPropertyMapper.iso(clock.instant()));
        return Reply.json(missing.isEmpty() ? 200 : 207, body);
    }

    /** A comma-separated, possibly repeated query parameter such as {@code properties}. */
    private static List<String> properties(SimRequest request, String parameter) {
        List<String> names = new ArrayList<>();
        request.query()
                .getOrDefault(parameter, List.of())
                .forEach(value -> Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(names::add));
        return names;
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
