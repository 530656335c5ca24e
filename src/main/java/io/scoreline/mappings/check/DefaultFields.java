package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.ast.Operand;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The owner or date field a rule gets when it names none: the object's default, which must exist
 * and have a usable type. Custom objects often have no default (the catalog cannot know which of
 * their fields is the owner), so the error names the key to add and the fields that would do.
 */
sealed interface DefaultFields {

    /** Fields listed as candidates in the error; a longer list stops being a hint. */
    int MAX_CANDIDATES = 5;

    /** The rule's field for {@code key} ({@code owner} or {@code date}), empty after an error. */
    Optional<Operand.FieldRef> reference();

    record Found(FieldDef field) implements DefaultFields {
        @Override
        public Optional<Operand.FieldRef> reference() {
            return Optional.of(new Operand.FieldRef(field.name(), field.type()));
        }
    }

    record Missing(String message) implements DefaultFields {
        @Override
        public Optional<Operand.FieldRef> reference() {
            return Optional.empty();
        }
    }

    static DefaultFields resolve(ObjectSchema schema, String key, Optional<String> fallback, Set<FieldType> allowed) {
        var expected = allowed.stream().map(FieldType::key).sorted().collect(Collectors.joining(" or "));
        if (fallback.isEmpty()) {
            return new Missing((schema.custom() ? "custom object " : "") + schema.name() + " has no default " + key
                    + " field; set '" + key + ":'" + candidates(schema, key, allowed, expected));
        }
        var field = schema.field(fallback.get());
        if (field.isEmpty()) {
            return new Missing(schema.name() + "'s default " + key + " field " + fallback.get()
                    + " is not in the catalog; set '" + key + ":'" + candidates(schema, key, allowed, expected));
        }
        if (!allowed.contains(field.get().type())) {
            return new Missing(schema.name() + "'s default " + key + " field "
                    + field.get().name() + " is "
                    + field.get().type().key() + "; expected " + expected + "; set '" + key + ":'"
                    + candidates(schema, key, allowed, expected));
        }
        return new Found(field.get());
    }

    /**
     * The fields that could serve: for a date every date or datetime field; for an owner the text
     * fields whose name says owner (any text field would type-check, but listing them all guesses).
     */
    private static String candidates(ObjectSchema schema, String key, Set<FieldType> allowed, String expected) {
        var usable = schema.fields().stream()
                .filter(f -> allowed.contains(f.type()))
                .filter(f -> !key.equals("owner")
                        || f.name().toLowerCase(Locale.ROOT).contains("owner"))
                .map(FieldDef::name)
                .sorted(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)))
                .toList();
        if (usable.isEmpty()) {
            return " naming a " + expected + " field of " + schema.name();
        }
        return " naming a " + expected + " field of " + schema.name() + ", e.g. "
                + String.join(", ", usable.subList(0, Math.min(MAX_CANDIDATES, usable.size())))
                + (usable.size() > MAX_CANDIDATES ? ", …" : "");
    }
}
