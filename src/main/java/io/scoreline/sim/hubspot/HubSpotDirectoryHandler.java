package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Owners, property definitions and call dispositions: the lookups a connector resolves records with. */
final class HubSpotDirectoryHandler {

    private final SyntheticDataset dataset;

    HubSpotDirectoryHandler(SyntheticDataset dataset) {
        this.dataset = dataset;
    }

    Reply owners(SimRequest request) {
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        Optional<String> email = request.queryParam("email");
        int limit;
        long after;
        try {
            limit = request.queryParam("limit").map(Integer::parseInt).orElse(100);
            after = request.queryParam("after")
                    .filter(s -> !s.isBlank())
                    .map(Long::parseLong)
                    .orElse(0L);
        } catch (NumberFormatException e) {
            return HubSpotErrors.validation("limit and after must be numbers");
        }
        if (limit < 1 || limit > 500) {
            return HubSpotErrors.validation("limit must be between 1 and 500");
        }
        List<Rep> matching = dataset.reps().stream()
                .filter(rep -> rep.active() != archived)
                .filter(rep -> email.map(e -> e.equalsIgnoreCase(rep.email())).orElse(true))
                .filter(rep -> HubSpotOwners.ownerId(rep.number()) >= after)
                .limit(limit + 1L)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "results",
                matching.stream().limit(limit).map(HubSpotOwners::json).toList());
        if (matching.size() > limit) {
            body.put(
                    "paging",
                    HubSpotJsonWriter.paging(Long.toString(
                            HubSpotOwners.ownerId(matching.get(limit).number()))));
        }
        return Reply.json(200, body);
    }

    Reply owner(SimRequest request, String id) {
        boolean byUserId =
                request.queryParam("idProperty").map("userId"::equals).orElse(false);
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        return dataset.reps().stream()
                .filter(rep -> Long.toString(
                                byUserId ? HubSpotOwners.userId(rep.number()) : HubSpotOwners.ownerId(rep.number()))
                        .equals(id))
                .filter(rep -> rep.active() || archived)
                .findFirst()
                .<Reply>map(rep -> Reply.json(200, HubSpotOwners.json(rep)))
                .orElseGet(HubSpotErrors::notFound);
    }

    Reply properties(String typeName) {
        Optional<HubSpotObjectType> type = HubSpotObjectType.fromPath(typeName);
        if (type.isEmpty()) {
            return HubSpotErrors.notFound();
        }
        List<Map<String, Object>> results = new ArrayList<>();
        HubSpotPropertyCatalog.of(type.get()).forEach(property -> results.add(json(property, type.get())));
        return Reply.json(200, Map.of("results", results));
    }

    Reply property(String typeName, String name) {
        return HubSpotObjectType.fromPath(typeName)
                .flatMap(type -> HubSpotPropertyCatalog.find(type, name).map(property -> json(property, type)))
                .<Reply>map(json -> Reply.json(200, json))
                .orElseGet(HubSpotErrors::notFound);
    }

    /** The portal's custom object schemas: none yet. */
    Reply schemas() {
        return Reply.json(200, Map.of("results", List.of()));
    }

    Reply dispositions() {
        return Reply.json(
                200,
                Arrays.stream(CallOutcome.values())
                        .map(outcome -> Map.of("id", outcome.hubSpotId(), "label", outcome.label()))
                        .toList());
    }

    private static Map<String, Object> json(HubSpotPropertyCatalog.Property property, HubSpotObjectType type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", property.name());
        json.put("label", property.label());
        json.put("type", property.type().apiName());
        json.put("fieldType", property.type().fieldType());
        json.put("description", "");
        json.put("groupName", type.pathName().substring(0, type.pathName().length() - 1) + "information");
        List<Map<String, Object>> options = new ArrayList<>();
        int order = 0;
        for (var option : property.options().entrySet()) {
            options.add(Map.of(
                    "label", option.getValue(), "value", option.getKey(), "displayOrder", order++, "hidden", false));
        }
        json.put("options", options);
        json.put("calculated", false);
        json.put("externalOptions", false);
        json.put("hasUniqueValue", property.name().equals("hs_object_id"));
        json.put("hidden", false);
        json.put("formField", false);
        return json;
    }
}
