package io.scoreline.mappings;

import java.util.Locale;
import java.util.Map;

/**
 * The types the rule language compares by. CRM-specific types collapse onto these: ids,
 * references and picklists are strings; int, double, currency and percent are numbers.
 */
public enum FieldType {
    STRING,
    NUMBER,
    BOOLEAN,
    DATE,
    DATETIME;

    private static final Map<String, FieldType> ALIASES = Map.ofEntries(
            Map.entry("string", STRING),
            Map.entry("id", STRING),
            Map.entry("reference", STRING),
            Map.entry("picklist", STRING),
            Map.entry("multipicklist", STRING),
            Map.entry("combobox", STRING),
            Map.entry("textarea", STRING),
            Map.entry("email", STRING),
            Map.entry("phone", STRING),
            Map.entry("url", STRING),
            Map.entry("enumeration", STRING),
            Map.entry("text", STRING),
            Map.entry("encryptedstring", STRING),
            Map.entry("phone_number", STRING),
            Map.entry("number", NUMBER),
            Map.entry("int", NUMBER),
            Map.entry("integer", NUMBER),
            Map.entry("double", NUMBER),
            Map.entry("currency", NUMBER),
            Map.entry("percent", NUMBER),
            Map.entry("long", NUMBER),
            Map.entry("boolean", BOOLEAN),
            Map.entry("bool", BOOLEAN),
            Map.entry("date", DATE),
            Map.entry("datetime", DATETIME));

    /** The lower-case name used in catalogs and messages. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a type name from a catalog or a CRM describe call ({@code picklist}, {@code currency},
     * HubSpot's {@code enumeration}, …).
     *
     * @throws IllegalArgumentException for a type the rule language has no comparison for
     */
    public static FieldType parse(String text) {
        return lookup(text).orElseThrow(() -> new IllegalArgumentException("unknown field type '" + text + "'"));
    }

    /**
     * The type for a CRM type name, or empty for types rules cannot compare (Salesforce
     * {@code address}, {@code base64}, …): connectors skip those fields when extending a catalog.
     */
    public static java.util.Optional<FieldType> lookup(String text) {
        return java.util.Optional.ofNullable(ALIASES.get(text.trim().toLowerCase(Locale.ROOT)));
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }
}
