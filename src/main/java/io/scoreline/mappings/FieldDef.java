package io.scoreline.mappings;

import java.util.List;
import java.util.Objects;

/**
 * One field of a CRM object, by its canonical (describe) spelling. Dotted names are
 * relationship paths such as {@code Owner.Email}.
 *
 * @param crmType    the CRM's own type name ({@code picklist}, {@code currency}, HubSpot
 *                   {@code enumeration}); {@link FieldType#key()} when the catalog did not say
 * @param custom     defined by the organization ({@code Foo__c}, a HubSpot custom property)
 * @param calculated a formula: its value can change without the record's modification stamp moving
 * @param options    the allowed values of a picklist or enumeration, in the CRM's order; empty when
 *                   the field has none or they are not known (the stock catalogs do not list them)
 */
public record FieldDef(
        String name, FieldType type, String crmType, boolean custom, boolean calculated, List<FieldOption> options) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(crmType, "crmType");
        options = List.copyOf(options);
    }

    /** A field known only by name and type, as the stock catalogs list them. */
    public FieldDef(String name, FieldType type) {
        this(name, type, type.key(), false, false, List.of());
    }

    /** Whether the field's allowed values are known, so that a comparison with another value can be flagged. */
    public boolean hasOptions() {
        return !options.isEmpty();
    }
}
