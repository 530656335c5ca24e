package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names of one portal's object types. Rules and stored records name a custom object by its
 * schema name ({@code product_demos}); HubSpot's record APIs want its type id ({@code 2-…}, the bare
 * name was refused from 2025) and its webhooks carry that id. The custom object schemas are read
 * once per connection, on the first name that is neither a stock object nor a type id, or on the
 * first custom type id an event names; stock objects never cost the call.
 */
final class HubSpotObjectTypes {

    /** Objects HubSpot defines, addressed by these names in every API. */
    private static final Set<String> STOCK = Set.of(
            "contacts",
            "companies",
            "deals",
            "tickets",
            "products",
            "line_items",
            "quotes",
            "calls",
            "emails",
            "meetings",
            "notes",
            "tasks",
            "communications",
            "postal_mail",
            "leads",
            "users");

    private final HubSpotApi api;
    /** Custom schema name (lower case) to type id, and back; read once. */
    private volatile Map<String, String> idsByName;

    private volatile Map<String, String> namesById;

    HubSpotObjectTypes(HubSpotApi api) {
        this.api = api;
    }

    /** The path segment the record APIs take for an object rules name {@code name}. */
    String apiName(String name) {
        var checked = HubSpotSearches.objectType(name);
        if (STOCK.contains(checked.toLowerCase(Locale.ROOT)) || checked.matches("\\d+-\\d+")) {
            return checked;
        }
        // A name the portal has no schema for goes out as it is: HubSpot's 404 then names it.
        return idsByName().getOrDefault(checked.toLowerCase(Locale.ROOT), checked);
    }

    /** The name rules use for a type id an event carries: a custom object's schema name, else the id unchanged. */
    String ruleName(String typeId) {
        if (!typeId.startsWith("2-")) {
            return typeId;
        }
        return namesById().getOrDefault(typeId, typeId);
    }

    private Map<String, String> idsByName() {
        load();
        return idsByName;
    }

    private Map<String, String> namesById() {
        load();
        return namesById;
    }

    private synchronized void load() {
        if (idsByName != null) {
            return;
        }
        JsonNode answer = api.get(HubSpotRoutes.SCHEMAS, "custom object schemas", "/crm/v3/schemas");
        var ids = new HashMap<String, String>();
        var names = new HashMap<String, String>();
        for (var object : HubSpotDescribes.customObjects(answer)) {
            if (object.objectTypeId().matches("2-\\d+")) {
                ids.put(object.name().toLowerCase(Locale.ROOT), object.objectTypeId());
                names.put(object.objectTypeId(), object.name());
            }
        }
        namesById = Map.copyOf(names);
        idsByName = Map.copyOf(ids);
    }
}
