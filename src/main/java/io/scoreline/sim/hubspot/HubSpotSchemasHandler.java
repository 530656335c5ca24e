package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom object schemas API ({@code /crm/v3/schemas} and {@code /crm-object-schemas/v3/schemas}):
 * the portal's custom objects with their type ids, names and property definitions, as a client
 * discovers them before reading records by {@code 2-…} type id.
 */
final class HubSpotSchemasHandler {

    private final HubSpotTypeNames typeNames;
    private final Instant created;

    HubSpotSchemasHandler(HubSpotTypeNames typeNames, Instant created) {
        this.typeNames = typeNames;
        this.created = created;
    }

    /** Every custom object; archived schemas are asked for with {@code archived=true}, and this portal has none. */
    Reply list(SimRequest request) {
        boolean archived =
                request.queryParam("archived").map(Boolean::parseBoolean).orElse(false);
        List<Map<String, Object>> results = archived
                ? List.of()
                : Arrays.stream(HubSpotObjectType.values())
                        .filter(HubSpotObjectType::custom)
                        .map(this::schema)
                        .toList();
        return Reply.json(200, Map.of("results", results));
    }

    /** One schema by {@code 2-…} type id or fully qualified name. */
    Reply read(String objectType) {
        return typeNames
                .resolve(objectType)
                .filter(HubSpotObjectType::custom)
                .<Reply>map(type -> Reply.json(200, schema(type)))
                .orElseGet(HubSpotErrors::notFound);
    }

    private Map<String, Object> schema(HubSpotObjectType type) {
        String typeId = typeNames.typeId(type);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", typeId.substring(2));
        json.put("objectTypeId", typeId);
        json.put("name", type.pathName());
        json.put("fullyQualifiedName", HubSpotTypeNames.fullyQualifiedName(type));
        json.put("labels", Map.of("singular", "Product demo", "plural", "Product demos"));
        json.put("description", "Product demos booked by reps");
        json.put("primaryDisplayProperty", "demo_name");
        json.put("secondaryDisplayProperties", List.of("demo_date"));
        json.put("requiredProperties", List.of("demo_name"));
        json.put("searchableProperties", List.of("demo_name"));
        json.put("allowsSensitiveProperties", false);
        json.put("archived", false);
        json.put("metaType", "PORTAL_SPECIFIC");
        List<Map<String, Object>> properties = new ArrayList<>();
        HubSpotPropertyCatalog.of(type)
                .forEach(property -> properties.add(HubSpotDirectoryHandler.json(property, type)));
        json.put("properties", properties);
        json.put(
                "associations",
                List.of(Map.of(
                        "id",
                        "173",
                        "name",
                        type.pathName() + "_to_deal",
                        "fromObjectTypeId",
                        typeId,
                        "toObjectTypeId",
                        "0-3")));
        String at = HubSpotPropertyMapper.iso(created);
        json.put("createdAt", at);
        json.put("updatedAt", at);
        return json;
    }
}
