package io.scoreline.mappings;

import java.util.Objects;

/**
 * One field of a CRM object, by its canonical (describe) spelling. Dotted names are
 * relationship paths such as {@code Owner.Email}.
 */
public record FieldDef(String name, FieldType type) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
