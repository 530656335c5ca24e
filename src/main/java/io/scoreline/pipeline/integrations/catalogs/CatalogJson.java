package io.scoreline.pipeline.integrations.catalogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog file format: what {@code integration describe --json} prints, what
 * {@code mapping validate --catalog FILE} reads back and what the database stores. Written
 * canonically (objects and fields sorted by name, options in the CRM's order), so two readings of
 * an unchanged account are the same text. Lives in the pipeline, not in {@code mappings}: the rule
 * language stays free of JSON and I/O (BoundaryRulesTest).
 *
 * <pre>{"provider":"salesforce","readAt":"…Z","apiCalls":6,"objects":[{"name":"Task","apiName":null,
 * "custom":false,"owner":"OwnerId","date":"CreatedDate","fields":[{"name":"Call_Outcome__c",
 * "crmType":"picklist","type":"string","custom":true,"calculated":false,
 * "options":[{"value":"Connected","label":"Connected"}]}]}]}</pre>
 */
public final class CatalogJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<String> BY_NAME =
            Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

    private CatalogJson() {}

    /** One line of canonical JSON. */
    public static String write(CatalogRead read) {
        try {
            return JSON.writeValueAsString(toTree(read));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog JSON cannot be written", e);
        }
    }

    public static ObjectNode toTree(CatalogRead read) {
        var root = JSON.createObjectNode();
        root.put("provider", read.catalog().provider().key());
        root.put("readAt", read.readAt().toString());
        root.put("apiCalls", read.apiCalls());
        var objects = root.putArray("objects");
        read.catalog().objectsByLowerName().values().stream()
                .sorted(Comparator.comparing(ObjectSchema::name, BY_NAME))
                .forEach(schema -> writeObject(objects.addObject(), schema));
        return root;
    }

    private static void writeObject(ObjectNode node, ObjectSchema schema) {
        node.put("name", schema.name());
        node.put("apiName", schema.apiName().orElse(null));
        node.put("custom", schema.custom());
        node.put("owner", schema.ownerField().orElse(null));
        node.put("date", schema.dateField().orElse(null));
        var fields = node.putArray("fields");
        schema.fields().stream()
                .sorted(Comparator.comparing(FieldDef::name, BY_NAME))
                .forEach(field -> writeField(fields.addObject(), field));
    }

    private static void writeField(ObjectNode node, FieldDef field) {
        node.put("name", field.name());
        node.put("crmType", field.crmType());
        node.put("type", field.type().key());
        node.put("custom", field.custom());
        node.put("calculated", field.calculated());
        ArrayNode options = node.putArray("options");
        for (var option : field.options()) {
            options.addObject().put("value", option.value()).put("label", option.label());
        }
    }

    /**
     * Reads a catalog written by {@link #write}.
     *
     * @param source what the text came from ({@code FILE}), named in every error
     * @throws ScorelineException bad input, naming {@code source} and the faulty place
     */
    public static CatalogRead read(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw ScorelineException.badInput(source + " is not catalog JSON"
                    + (location == null
                            ? ""
                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage()
                    + "; write one with `scoreline integration describe --integration ID --json`");
        }
        if (root == null || !root.isObject()) {
            throw ScorelineException.badInput(
                    source + " is not catalog JSON: expected an object with provider, readAt, apiCalls and objects");
        }
        var at = new Place(source);
        CrmProvider provider;
        try {
            provider = CrmProvider.fromKey(text(root, "provider", at));
        } catch (ScorelineException e) {
            throw at.error("provider", e.getMessage());
        }
        Instant readAt;
        try {
            readAt = Instant.parse(text(root, "readAt", at));
        } catch (DateTimeParseException e) {
            throw at.error("readAt", "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z");
        }
        var calls = root.get("apiCalls");
        if (calls == null || !calls.canConvertToLong() || !calls.isIntegralNumber() || calls.asLong() < 0) {
            throw at.error("apiCalls", "must be a whole number, zero or more");
        }
        var objects = array(root, "objects", at);
        var catalog = FieldCatalog.empty(provider);
        var seen = new LinkedHashMap<String, String>();
        for (int i = 0; i < objects.size(); i++) {
            var schema = readObject(objects.get(i), at.in("objects[" + i + "]"));
            if (seen.put(schema.name().toLowerCase(Locale.ROOT), schema.name()) != null) {
                throw at.in("objects[" + i + "]").error("name", "object '" + schema.name() + "' is listed twice");
            }
            catalog = catalog.withObject(schema);
        }
        return new CatalogRead(catalog, readAt, calls.asLong());
    }

    private static ObjectSchema readObject(JsonNode node, Place at) {
        if (!node.isObject()) {
            throw at.error(null, "must be an object");
        }
        var name = text(node, "name", at);
        var fieldNodes = array(node, "fields", at);
        var fields = new ArrayList<FieldDef>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < fieldNodes.size(); i++) {
            var field = readField(fieldNodes.get(i), at.in("fields[" + i + "]"));
            if (!seen.add(field.name().toLowerCase(Locale.ROOT))) {
                throw at.in("fields[" + i + "]").error("name", "field '" + field.name() + "' is listed twice");
            }
            fields.add(field);
        }
        return ObjectSchema.of(
                        name,
                        optionalText(node, "owner", at).orElse(null),
                        optionalText(node, "date", at).orElse(null),
                        fields)
                .withIdentity(optionalText(node, "apiName", at), bool(node, "custom", at));
    }

    private static FieldDef readField(JsonNode node, Place at) {
        if (!node.isObject()) {
            throw at.error(null, "must be an object");
        }
        var name = text(node, "name", at);
        var typeText = text(node, "type", at);
        var type = FieldType.lookup(typeText)
                .orElseThrow(() -> at.error(
                        "type",
                        "unknown field type '" + typeText + "'; expected one of string, "
                                + "number, boolean, date, datetime"));
        var crmType = optionalText(node, "crmType", at).orElse(type.key());
        var options = new ArrayList<FieldOption>();
        var optionNodes = node.get("options");
        if (optionNodes != null && !optionNodes.isNull()) {
            if (!optionNodes.isArray()) {
                throw at.error("options", "must be a list of {value, label}");
            }
            for (int i = 0; i < optionNodes.size(); i++) {
                var option = optionNodes.get(i);
                var place = at.in("options[" + i + "]");
                if (!option.isObject()) {
                    throw place.error(null, "must be an object with value and label");
                }
                var value = text(option, "value", place);
                options.add(new FieldOption(
                        value, optionalText(option, "label", place).orElse(value)));
            }
        }
        return new FieldDef(name, type, crmType, bool(node, "custom", at), bool(node, "calculated", at), options);
    }

    private static String text(JsonNode node, String key, Place at) {
        return optionalText(node, key, at).orElseThrow(() -> at.error(key, "is missing"));
    }

    private static Optional<String> optionalText(JsonNode node, String key, Place at) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw at.error(key, "must be a non-empty string");
        }
        return Optional.of(value.asText());
    }

    private static boolean bool(JsonNode node, String key, Place at) {
        var value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw at.error(key, "must be true or false");
        }
        return value.asBoolean();
    }

    private static JsonNode array(JsonNode node, String key, Place at) {
        var value = node.get(key);
        if (value == null || !value.isArray()) {
            throw at.error(key, "must be a list");
        }
        return value;
    }

    /** Where in the file a value is, for messages such as {@code cat.json: objects[2].fields[0].type: …}. */
    private record Place(String source, String path) {

        Place(String source) {
            this(source, "");
        }

        Place in(String child) {
            return new Place(source, path.isEmpty() ? child : path + "." + child);
        }

        ScorelineException error(String key, String message) {
            var where = key == null ? path : path.isEmpty() ? key : path + "." + key;
            return ScorelineException.badInput(source + ": " + (where.isEmpty() ? "" : where + ": ") + message);
        }
    }
}
