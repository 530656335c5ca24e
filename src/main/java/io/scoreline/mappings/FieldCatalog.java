package io.scoreline.mappings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects and fields rules may use for one provider. An immutable value: connectors extend
 * the stock catalog with what their describe or properties calls report by merging into it.
 */
public record FieldCatalog(CrmProvider provider, Map<String, ObjectSchema> objectsByLowerName) {

    public FieldCatalog {
        Objects.requireNonNull(provider, "provider");
        objectsByLowerName = Map.copyOf(objectsByLowerName);
    }

    public static FieldCatalog empty(CrmProvider provider) {
        return new FieldCatalog(provider, Map.of());
    }

    /** The catalog shipped in {@code mappings/<provider>/catalog.yaml} on the classpath. */
    public static FieldCatalog stock(CrmProvider provider) {
        return StockCatalogs.load(provider);
    }

    public Optional<ObjectSchema> object(String objectType) {
        return Optional.ofNullable(objectsByLowerName.get(objectType.toLowerCase(Locale.ROOT)));
    }

    /** This catalog plus {@code schema}, merged into an object of the same name if there is one. */
    public FieldCatalog withObject(ObjectSchema schema) {
        var objects = new LinkedHashMap<>(objectsByLowerName);
        objects.merge(schema.name().toLowerCase(Locale.ROOT), schema, ObjectSchema::merge);
        return new FieldCatalog(provider, objects);
    }

    /** This catalog plus one field, creating the object (without owner/date defaults) if unknown. */
    public FieldCatalog withField(String objectType, String fieldName, FieldType type) {
        var schema = object(objectType).orElseGet(() -> ObjectSchema.of(objectType, null, null, java.util.List.of()));
        return withObject(schema.withField(new FieldDef(fieldName, type)));
    }

    /** Every object and field of both catalogs; {@code other} wins where both define something. */
    public FieldCatalog merge(FieldCatalog other) {
        if (other.provider != provider) {
            throw new IllegalArgumentException(
                    "cannot merge a " + other.provider.key() + " catalog into a " + provider.key() + " catalog");
        }
        var merged = this;
        for (var schema : other.objectsByLowerName.values()) {
            merged = merged.withObject(schema);
        }
        return merged;
    }
}
