package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.ast.KpiKind;
import io.scoreline.mappings.ast.Operand;
import io.scoreline.mappings.grammar.RuleExpressionParser;
import io.scoreline.mappings.yaml.YamlEmpty;
import io.scoreline.mappings.yaml.YamlEntry;
import io.scoreline.mappings.yaml.YamlMapping;
import io.scoreline.mappings.yaml.YamlNode;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks one KPI entry, in the full or the shorthand form; its errors never affect other KPIs. */
final class KpiRuleChecker {

    static final Pattern KPI_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final List<String> RULE_KEY_ORDER = List.of("object", "when", "value", "owner", "date", "distinct");
    private static final Set<String> RULE_KEYS = Set.copyOf(RULE_KEY_ORDER);

    /** An owner is a user id or a reference to one: text. */
    static final Set<FieldType> OWNER_TYPES = Set.of(FieldType.STRING);

    static final Set<FieldType> DATE_TYPES = Set.of(FieldType.DATE, FieldType.DATETIME);

    /** A distinct count counts values of any type (account ids, e-mail addresses, dates). */
    static final Set<FieldType> DISTINCT_TYPES = java.util.EnumSet.allOf(FieldType.class);

    private final FieldCatalog catalog;
    private final ProblemSink problems;

    KpiRuleChecker(FieldCatalog catalog, ProblemSink problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    Optional<KpiDefinition> check(YamlEntry entry) {
        var key = entry.key();
        if (!KPI_KEY.matcher(key.value()).matches()) {
            problems.error(
                    key.line(),
                    key.column(),
                    "KPI key '" + key.value() + "' must be lower_snake_case (letters, digits, _; at most 63)");
        }
        return switch (entry.value()) {
            case YamlScalar shorthand when shorthand.isBlank() -> empty(key);
            case YamlScalar shorthand -> new ShorthandRuleChecker(catalog, problems).check(key, shorthand);
            case YamlMapping rule when rule.entries().isEmpty() -> empty(key);
            case YamlMapping rule -> full(key, rule);
            case YamlEmpty missing -> empty(key);
        };
    }

    private Optional<KpiDefinition> empty(YamlScalar key) {
        problems.error(
                key.line(), key.column(), "KPI '" + key.value() + "' has an empty rule; it needs at least an object");
        return Optional.empty();
    }

    private Optional<KpiDefinition> full(YamlScalar key, YamlMapping rule) {
        for (var entry : rule.entries()) {
            if (!RULE_KEYS.contains(entry.key().value().toLowerCase(java.util.Locale.ROOT))) {
                problems.error(
                        entry.key().line(),
                        entry.key().column(),
                        "unknown key '" + entry.key().value() + "' in KPI '" + key.value()
                                + "' ("
                                + NameSuggestions.didYouMean(entry.key().value(), RULE_KEY_ORDER, "")
                                        .map(s -> s + " ")
                                        .orElse("")
                                + "expected " + String.join(", ", RULE_KEY_ORDER) + ")");
            }
        }
        var objectNode = rule.entry("object").map(YamlEntry::value);
        if (objectNode.isEmpty()) {
            problems.error(key.line(), key.column(), "KPI '" + key.value() + "' needs an object");
            return Optional.empty();
        }
        var objectName = scalar(objectNode.get(), "object");
        if (objectName.isEmpty()) {
            return Optional.empty();
        }
        var schema = object(objectName.get());
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        int errorsBefore = problems.errorCount();
        var when = rule.entry("when").flatMap(e -> scalar(e.value(), "when")).flatMap(s -> condition(s, schema.get()));
        var value = rule.entry("value").flatMap(e -> scalar(e.value(), "value")).flatMap(s -> value(s, schema.get()));
        var owner = field(rule, "owner", schema.get(), schema.get().ownerField(), OWNER_TYPES);
        var date = field(rule, "date", schema.get(), schema.get().dateField(), DATE_TYPES);
        var distinct = rule.entry("distinct").isPresent()
                ? field(rule, "distinct", schema.get(), Optional.empty(), DISTINCT_TYPES)
                : Optional.<Operand.FieldRef>empty();
        if (problems.errorCount() > errorsBefore || owner.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KpiDefinition(
                key.value(),
                schema.get().name(),
                when,
                value,
                owner.get(),
                date.get(),
                KpiKind.ADDITIVE,
                distinct,
                key.line()));
    }

    private Optional<Condition> condition(YamlScalar text, ObjectSchema schema) {
        if (text.isBlank()) {
            problems.error(text.line(), text.column(), "empty condition; omit 'when' to count every record");
            return Optional.empty();
        }
        var source = new ExpressionSource(text, problems);
        var tree = source.parse(RuleExpressionParser::condition);
        return tree == null
                ? Optional.empty()
                : Optional.ofNullable(new ConditionTranslator(
                                source,
                                new OperandTranslator(source, schema, Optional.empty()),
                                false,
                                new OptionValueCheck(catalog.provider()))
                        .or(tree.orCondition()));
    }

    private Optional<Operand> value(YamlScalar text, ObjectSchema schema) {
        if (text.isBlank()) {
            problems.error(text.line(), text.column(), "empty value; omit 'value' to count records");
            return Optional.empty();
        }
        var source = new ExpressionSource(text, problems);
        var tree = source.parse(RuleExpressionParser::valueExpression);
        if (tree == null) {
            return Optional.empty();
        }
        var value = new OperandTranslator(source, schema, Optional.empty()).sum(tree.sum());
        if (value != null && value.type() != FieldType.NUMBER) {
            source.error(
                    tree.getStart(),
                    "value must be a number: " + OperandTranslator.describe(value) + " is "
                            + OperandTranslator.typeName(value));
            return Optional.empty();
        }
        return Optional.ofNullable(value);
    }

    private Optional<Operand.FieldRef> field(
            YamlMapping rule, String key, ObjectSchema schema, Optional<String> fallback, Set<FieldType> allowed) {
        var written = rule.entry(key).flatMap(e -> scalar(e.value(), key));
        if (written.isEmpty() && rule.entry(key).isPresent()) {
            return Optional.empty();
        }
        if (written.isEmpty()) {
            var field = DefaultFields.resolve(schema, key, fallback, allowed);
            switch (field) {
                case DefaultFields.Missing missing -> problems.error(rule.line(), rule.column(), missing.message());
                case DefaultFields.Found found
                when found.field().calculated() ->
                    problems.warning(rule.line(), rule.column(), OperandTranslator.formulaField(schema, found.field()));
                case DefaultFields.Found found -> {}
            }
            return field.reference();
        }
        var source = new ExpressionSource(written.get(), problems);
        var tree = source.parse(RuleExpressionParser::fieldOnly);
        if (tree == null) {
            return Optional.empty();
        }
        var field = new OperandTranslator(source, schema, Optional.empty())
                .field(tree.fieldPath().getText(), tree.getStart());
        if (field.isPresent() && !allowed.contains(field.get().type())) {
            source.error(
                    tree.getStart(),
                    key + " field " + field.get().path() + " is "
                            + field.get().type().key() + "; expected "
                            + allowed.stream().map(FieldType::key).sorted().collect(Collectors.joining(" or ")));
            return Optional.empty();
        }
        return field;
    }

    private Optional<ObjectSchema> object(YamlScalar name) {
        var schema = catalog.object(name.value());
        if (schema.isEmpty()) {
            problems.error(name.line(), name.column(), unknownObject(catalog, name.value()));
        }
        return schema;
    }

    /** The closest objects when one is close, else every object the catalog has. */
    static String unknownObject(FieldCatalog catalog, String name) {
        var names = catalog.objectsByLowerName().values().stream()
                .map(ObjectSchema::name)
                .sorted()
                .toList();
        return "unknown object '" + name + "' for " + catalog.provider().key() + " ("
                + NameSuggestions.didYouMean(name, names, "").orElseGet(() -> "known: " + String.join(", ", names))
                + ")";
    }

    private Optional<YamlScalar> scalar(YamlNode node, String key) {
        return switch (node) {
            case YamlScalar scalar -> Optional.of(scalar);
            case YamlMapping mapping -> {
                problems.error(node.line(), node.column(), "'" + key + "' must be a single value, not a mapping");
                yield Optional.empty();
            }
            case YamlEmpty missing -> {
                problems.error(node.line(), node.column(), "'" + key + "' has no value");
                yield Optional.empty();
            }
        };
    }
}
