package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads HubSpot's {@code /crm/v3/schemas} and {@code /crm/v3/properties/{objectType}} answers into
 * catalog objects. Properties of types the rule language cannot compare ({@code json},
 * {@code object_coordinates}, …) and archived properties are left out.
 */
final class HubSpotDescribes {

    /** A custom object's owner when a rule names none: HubSpot's owner property. */
    static final String OWNER_FIELD = "hubspot_owner_id";
    /** A custom object's date when a rule names none: when the record was created, as for stock objects. */
    static final String DATE_FIELD = "hs_createdate";

    /** A portal's custom object: the name rules use and the type id its API paths take. */
    record CustomObject(String name, String objectTypeId) {}

    private HubSpotDescribes() {}

    /** The custom objects of a {@code /crm/v3/schemas} answer; archived schemas are left out. */
    static List<CustomObject> customObjects(JsonNode schemas) {
        var objects = new ArrayList<CustomObject>();
        for (var schema : schemas.path("results")) {
            var name = schema.path("name").asText("");
            var typeId = schema.path("objectTypeId").asText("");
            if (!name.isEmpty() && !typeId.isEmpty() && !schema.path("archived").asBoolean(false)) {
                objects.add(new CustomObject(name, typeId));
            }
        }
        return objects;
    }

    /**
     * One object type's properties as a catalog object.
     *
     * @param apiName a custom object's type id ({@code 2-…}); empty for a stock object type
     */
    static ObjectSchema object(String name, Optional<String> apiName, JsonNode properties) {
        boolean custom = apiName.isPresent();
        var stock = FieldCatalog.stock(CrmProvider.HUBSPOT).object(name);
        var fields = new ArrayList<FieldDef>();
        for (var property : properties.path("results")) {
            field(property, custom, stock).ifPresent(fields::add);
        }
        String owner = null;
        String date = null;
        if (custom) {
            owner = has(fields, OWNER_FIELD) ? OWNER_FIELD : null;
            date = has(fields, DATE_FIELD) ? DATE_FIELD : null;
        }
        return ObjectSchema.of(name, owner, date, fields).withIdentity(apiName, custom);
    }

    private static Optional<FieldDef> field(JsonNode property, boolean customObject, Optional<ObjectSchema> stock) {
        var name = property.path("name").asText("");
        var crmType = property.path("type").asText("");
        if (name.isEmpty() || property.path("archived").asBoolean(false)) {
            return Optional.empty();
        }
        return FieldType.lookup(crmType).map(type -> {
            var options = new ArrayList<FieldOption>();
            for (var option : property.path("options")) {
                if (option.hasNonNull("value")) {
                    var value = option.path("value").asText();
                    options.add(new FieldOption(value, option.path("label").asText(value)));
                }
            }
            boolean calculated = property.path("calculated").asBoolean(false)
                    || property.path("fieldType").asText("").startsWith("calculation");
            return new FieldDef(name, type, crmType, custom(property, name, customObject, stock), calculated, options);
        });
    }

    /**
     * HubSpot says {@code hubspotDefined} for its own properties; where it does not, a property of a
     * custom object is the portal's unless it is one of HubSpot's {@code hs_} properties, and one of
     * a stock object is the portal's when the stock catalog does not list it.
     */
    private static boolean custom(JsonNode property, String name, boolean customObject, Optional<ObjectSchema> stock) {
        if (property.has("hubspotDefined")) {
            return !property.path("hubspotDefined").asBoolean(false);
        }
        if (customObject) {
            return !name.startsWith("hs_") && !name.equals(OWNER_FIELD);
        }
        return stock.flatMap(s -> s.field(name)).isEmpty();
    }

    private static boolean has(List<FieldDef> fields, String name) {
        return fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
    }
}
