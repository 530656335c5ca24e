package io.scoreline.mappings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link MappingRecord}s from HubSpot CRM objects as the API returns them
 * ({@code {id, properties, createdAt, updatedAt, archived}}), already parsed from JSON.
 */
public final class HubSpotObjectReader {

    private HubSpotObjectReader() {}

    /**
     * The object's properties as the record's fields. An empty string is read as null, because
     * that is how HubSpot reports a property that was cleared. {@code hs_object_id} is filled
     * from {@code id} when the properties lack it.
     *
     * @param objectType the type to use, or empty to take it from an {@code objectType} member
     * @throws IllegalArgumentException when the object has no id or no type can be found
     */
    public static MappingRecord toMappingRecord(Map<String, ?> object, Optional<String> objectType) {
        var type = objectType
                .or(() -> Optional.ofNullable(object.get("objectType")).map(Object::toString))
                .orElseThrow(() -> new IllegalArgumentException(
                        "HubSpot object without a type: pass the object type or add an objectType member"));
        var id = Optional.ofNullable(object.get("id"))
                .map(Object::toString)
                .orElseThrow(() -> new IllegalArgumentException("HubSpot object without an id"));
        var fields = new HashMap<String, Object>();
        if (object.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, value) -> fields.put(name.toString(), fieldValue(value)));
        }
        fields.putIfAbsent("hs_object_id", id);
        return new MappingRecord(type, id, fields);
    }

    /**
     * A property value as a record field: an empty string is null, because HubSpot reports a
     * cleared property that way (in objects and in property-change webhooks alike).
     */
    public static Object fieldValue(Object value) {
        return "".equals(value) ? null : value;
    }
}
