package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.ast.KpiKind;
import io.scoreline.mappings.grammar.RuleExpressionParser;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.Optional;
import org.antlr.v4.runtime.tree.Trees;

/**
 * Checks the shorthand of the product's integration config,
 * {@code call_connects: "Task.Type=Call AND Task.Status=Completed"}: the object is the prefix
 * of the first field, words without that prefix are strings, and owner and date are the
 * object's defaults.
 */
final class ShorthandRuleChecker {

    private final FieldCatalog catalog;
    private final ProblemSink problems;

    ShorthandRuleChecker(FieldCatalog catalog, ProblemSink problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    Optional<KpiDefinition> check(YamlScalar key, YamlScalar text) {
        var source = new ExpressionSource(text, problems);
        var tree = source.parse(RuleExpressionParser::condition);
        if (tree == null) {
            return Optional.empty();
        }
        var firstField = Trees.findAllRuleNodes(tree, RuleExpressionParser.RULE_fieldPath).stream()
                .findFirst();
        var prefix = firstField
                .map(f -> ((RuleExpressionParser.FieldPathContext) f).IDENT())
                .filter(parts -> parts.size() > 1)
                .map(parts -> parts.getFirst().getText());
        if (prefix.isEmpty()) {
            source.errorAtStart("shorthand rule needs an object prefix on its fields, e.g. Task.Type=Call");
            return Optional.empty();
        }
        var schema = catalog.object(prefix.get());
        if (schema.isEmpty()) {
            source.errorAtStart(KpiRuleChecker.unknownObject(catalog, prefix.get()));
            return Optional.empty();
        }
        var condition = new ConditionTranslator(
                        source,
                        new OperandTranslator(source, schema.get(), prefix),
                        true,
                        new OptionValueCheck(catalog.provider()))
                .or(tree.orCondition());
        var owner = DefaultFields.resolve(schema.get(), "owner", schema.get().ownerField(), KpiRuleChecker.OWNER_TYPES);
        var date = DefaultFields.resolve(schema.get(), "date", schema.get().dateField(), KpiRuleChecker.DATE_TYPES);
        if (condition == null) {
            return Optional.empty();
        }
        boolean usable = true;
        for (var field : java.util.List.of(owner, date)) {
            switch (field) {
                case DefaultFields.Missing missing -> {
                    source.errorAtStart(missing.message() + " (a shorthand rule cannot: use the full form)");
                    usable = false;
                }
                case DefaultFields.Found found
                when found.field().calculated() ->
                    source.warningAtStart(OperandTranslator.formulaField(schema.get(), found.field()));
                case DefaultFields.Found found -> {}
            }
        }
        if (!usable) {
            return Optional.empty();
        }
        return Optional.of(new KpiDefinition(
                key.value(),
                schema.get().name(),
                Optional.of(condition),
                Optional.empty(),
                owner.reference().orElseThrow(),
                date.reference().orElseThrow(),
                KpiKind.ADDITIVE,
                Optional.empty(),
                key.line()));
    }
}
