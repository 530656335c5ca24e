package io.scoreline.sim.hubspot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code SimplePublicObject} JSON: id as a string, string properties, ISO timestamps. */
final class HubSpotJsonWriter {

    /** Returned whether asked for or not, as HubSpot does. */
    private static final List<String> ALWAYS = List.of("hs_createdate", "createdate", "hs_lastmodifieddate",
            "hs_object_id");

    private HubSpotJsonWriter() {
    }

    /** @param requested property names asked for; empty means the type's default properties */
    static Map<String, Object> object(HubSpotObject object, Collection<String> requested) {
        Collection<String> names = requested.isEmpty() ? object.type().defaultProperties() : requested;
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : names) {
            if (object.properties().containsKey(name)) {
                properties.put(name, object.property(name));
            }
        }
        for (String name : ALWAYS) {
            if (object.properties().containsKey(name)) {
                properties.putIfAbsent(name, object.property(name));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(object.id()));
        json.put("properties", properties);
        json.put("createdAt", HubSpotPropertyMapper.iso(object.createdAt()));
        json.put("updatedAt", HubSpotPropertyMapper.iso(object.updatedAt()));
        json.put("archived", object.archived());
        if (object.archived()) {
            json.put("archivedAt", HubSpotPropertyMapper.iso(object.archivedAt()));
        }
        return json;
    }

    /** Every property, for the ground-truth dump. */
    static Map<String, Object> fullObject(HubSpotObject object) {
        return object(object, object.properties().keySet());
    }

    static Map<String, Object> paging(String after) {
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("after", after);
        next.put("link", "?after=" + after);
        return Map.of("next", next);
    }
}
