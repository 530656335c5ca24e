package io.scoreline.sim.hubspot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code SimplePublicObject} JSON: id as a string, string properties, ISO timestamps. */
final class HubSpotJsonWriter {

    /** Returned whether asked for or not, as HubSpot does. */
    private static final List<String> ALWAYS =
            List.of("hs_createdate", "createdate", "hs_lastmodifieddate", "hs_object_id");

    private HubSpotJsonWriter() {}

    /** @param requested property names asked for; empty means the type's default properties */
    static Map<String, Object> object(HubSpotObject object, Collection<String> requested) {
        return object(object, requested, List.of());
    }

    /**
     * @param withHistory property names asked for with {@code propertiesWithHistory}; when any is asked
     *                    for, the object carries a {@code propertiesWithHistory} map (HubSpot's shape,
     *                    which @hubspot/api-client exposes as is). The simulator keeps no per-property
     *                    history, so each list holds the current value only, stamped with the record's
     *                    last modification: the latest time the value is known to hold.
     */
    static Map<String, Object> object(
            HubSpotObject object, Collection<String> requested, Collection<String> withHistory) {
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
        if (!withHistory.isEmpty()) {
            json.put("propertiesWithHistory", history(object, withHistory));
        }
        return json;
    }

    private static Map<String, Object> history(HubSpotObject object, Collection<String> names) {
        Map<String, Object> history = new LinkedHashMap<>();
        String stamp = HubSpotPropertyMapper.iso(object.updatedAt());
        for (String name : names) {
            String value = object.property(name);
            // Unknown or empty properties are left out, as unknown names are left out of "properties".
            if (value != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value);
                entry.put("timestamp", stamp);
                entry.put("sourceType", "CRM_UI");
                history.put(name, List.of(entry));
            }
        }
        return history;
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
