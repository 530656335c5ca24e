package io.scoreline.mappings;

import io.scoreline.mappings.yaml.YamlMapping;
import io.scoreline.mappings.yaml.YamlNode;
import io.scoreline.mappings.yaml.YamlParser;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Reads a catalog file, written in the same YAML subset as rule documents:
 * <pre>
 * provider: salesforce
 * objects:
 *   Task:
 *     owner: OwnerId          # default owner field of rules on this object
 *     date: CreatedDate       # default date field
 *     fields:
 *       CallDurationInSeconds: int
 * </pre>
 */
public final class FieldCatalogReader {

    private FieldCatalogReader() {}

    /**
     * @throws IllegalArgumentException with {@code SOURCE:LINE:COL: message} for a malformed catalog
     */
    public static FieldCatalog read(CrmProvider provider, String sourceName, String text) {
        var parsed = YamlParser.parse(text);
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException(parsed.problems().getFirst().format(sourceName));
        }
        var root = parsed.root().orElseThrow(() -> new IllegalArgumentException(sourceName + ": empty catalog"));
        var declared =
                root.entry("provider").map(e -> scalar(sourceName, e.value()).value());
        if (declared.isPresent() && CrmProvider.fromKey(declared.get()) != provider) {
            throw new IllegalArgumentException(sourceName + ": catalog is for " + declared.get());
        }
        var catalog = FieldCatalog.empty(provider);
        var objects = root.entry("objects").map(e -> mapping(sourceName, e.value()));
        for (var entry : objects.map(YamlMapping::entries).orElse(java.util.List.of())) {
            catalog = catalog.withObject(object(sourceName, entry.key().value(), mapping(sourceName, entry.value())));
        }
        return catalog;
    }

    private static ObjectSchema object(String sourceName, String name, YamlMapping body) {
        var fields = new ArrayList<FieldDef>();
        var declared = body.entry("fields").map(e -> mapping(sourceName, e.value()));
        for (var field : declared.map(YamlMapping::entries).orElse(java.util.List.of())) {
            var type = scalar(sourceName, field.value());
            try {
                fields.add(new FieldDef(
                        field.key().value(),
                        FieldType.parse(type.value()),
                        type.value().trim(),
                        false,
                        false,
                        java.util.List.of()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at(sourceName, type) + e.getMessage(), e);
            }
        }
        return ObjectSchema.of(
                name,
                text(sourceName, body, "owner").orElse(null),
                text(sourceName, body, "date").orElse(null),
                fields);
    }

    private static Optional<String> text(String sourceName, YamlMapping body, String key) {
        return body.entry(key).map(e -> scalar(sourceName, e.value()).value());
    }

    private static YamlMapping mapping(String sourceName, YamlNode node) {
        return switch (node) {
            case YamlMapping mapping -> mapping;
            case YamlScalar scalar -> throw new IllegalArgumentException(at(sourceName, node) + "expected a mapping");
            case io.scoreline.mappings.yaml.YamlEmpty empty ->
                throw new IllegalArgumentException(at(sourceName, node) + "expected a mapping");
        };
    }

    private static YamlScalar scalar(String sourceName, YamlNode node) {
        return switch (node) {
            case YamlScalar scalar -> scalar;
            case YamlMapping mapping -> throw new IllegalArgumentException(at(sourceName, node) + "expected a value");
            case io.scoreline.mappings.yaml.YamlEmpty empty ->
                throw new IllegalArgumentException(at(sourceName, node) + "expected a value");
        };
    }

    private static String at(String sourceName, YamlNode node) {
        return sourceName + ":" + node.line() + ":" + node.column() + ": ";
    }
}
