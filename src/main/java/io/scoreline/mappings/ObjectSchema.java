package io.scoreline.mappings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of one CRM object type and the fields a rule uses by default for a fact's owner
 * and date. Field lookup ignores case, as SOQL does.
 *
 * @param name    the name rules use ({@code Task}, {@code Product_Demo__c}, HubSpot {@code product_demos})
 * @param apiName the name the CRM's API addresses the object by when it differs from {@code name}
 *                (a HubSpot custom object's type id {@code 2-…}); empty when they are the same
 * @param custom  defined by the organization (a Salesforce {@code …__c} object, a HubSpot custom object)
 */
public record ObjectSchema(
        String name,
        Optional<String> apiName,
        boolean custom,
        Optional<String> ownerField,
        Optional<String> dateField,
        Map<String, FieldDef> fieldsByLowerName) {

    public ObjectSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiName, "apiName");
        fieldsByLowerName = Map.copyOf(fieldsByLowerName);
    }

    public ObjectSchema(
            String name,
            Optional<String> ownerField,
            Optional<String> dateField,
            Map<String, FieldDef> fieldsByLowerName) {
        this(name, Optional.empty(), false, ownerField, dateField, fieldsByLowerName);
    }

    public static ObjectSchema of(String name, String ownerField, String dateField, Collection<FieldDef> fields) {
        return new ObjectSchema(name, Optional.ofNullable(ownerField), Optional.ofNullable(dateField), index(fields));
    }

    /** This schema as the CRM's API names it ({@code apiName}) and whether the organization defined it. */
    public ObjectSchema withIdentity(Optional<String> apiName, boolean custom) {
        return new ObjectSchema(name, apiName, custom, ownerField, dateField, fieldsByLowerName);
    }

    /** The name to call the CRM's API with: {@link #apiName()} when there is one, else {@link #name()}. */
    public String apiNameOrName() {
        return apiName.orElse(name);
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    public Collection<FieldDef> fields() {
        return fieldsByLowerName.values();
    }

    /** This schema plus {@code field}; a field already known under that name is replaced. */
    public ObjectSchema withField(FieldDef field) {
        var fields = new LinkedHashMap<>(fieldsByLowerName);
        fields.put(field.name().toLowerCase(Locale.ROOT), field);
        return new ObjectSchema(name, apiName, custom, ownerField, dateField, fields);
    }

    /** Fields of both; {@code other}'s fields and defaults win where both define one. */
    public ObjectSchema merge(ObjectSchema other) {
        var fields = new LinkedHashMap<>(fieldsByLowerName);
        fields.putAll(other.fieldsByLowerName);
        return new ObjectSchema(
                name,
                other.apiName.or(() -> apiName),
                custom || other.custom,
                other.ownerField.or(() -> ownerField),
                other.dateField.or(() -> dateField),
                fields);
    }

    private static Map<String, FieldDef> index(Collection<FieldDef> fields) {
        var byName = new LinkedHashMap<String, FieldDef>();
        for (var field : fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        return byName;
    }
}
