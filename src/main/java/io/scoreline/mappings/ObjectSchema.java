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
 */
public record ObjectSchema(
        String name, Optional<String> ownerField, Optional<String> dateField, Map<String, FieldDef> fieldsByLowerName) {

    public ObjectSchema {
        Objects.requireNonNull(name, "name");
        fieldsByLowerName = Map.copyOf(fieldsByLowerName);
    }

    public static ObjectSchema of(String name, String ownerField, String dateField, Collection<FieldDef> fields) {
        return new ObjectSchema(name, Optional.ofNullable(ownerField), Optional.ofNullable(dateField), index(fields));
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
        return new ObjectSchema(name, ownerField, dateField, fields);
    }

    /** Fields of both; {@code other}'s fields and defaults win where both define one. */
    public ObjectSchema merge(ObjectSchema other) {
        var fields = new LinkedHashMap<>(fieldsByLowerName);
        fields.putAll(other.fieldsByLowerName);
        return new ObjectSchema(
                name, other.ownerField.or(() -> ownerField), other.dateField.or(() -> dateField), fields);
    }

    private static Map<String, FieldDef> index(Collection<FieldDef> fields) {
        var byName = new LinkedHashMap<String, FieldDef>();
        for (var field : fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
        return byName;
    }
}
