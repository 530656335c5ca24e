package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.LikePattern;
import io.scoreline.mappings.ast.Operand;
import io.scoreline.mappings.grammar.RuleExpressionParser;
import java.util.ArrayList;

/** Turns a {@code when} parse tree into a checked {@link Condition}; {@code null} after errors. */
final class ConditionTranslator {

    private final ExpressionSource source;
    private final OperandTranslator operands;
    private final boolean shorthand;
    private final OptionValueCheck options;

    ConditionTranslator(
            ExpressionSource source, OperandTranslator operands, boolean shorthand, OptionValueCheck options) {
        this.source = source;
        this.operands = operands;
        this.shorthand = shorthand;
        this.options = options;
    }

    Condition or(RuleExpressionParser.OrConditionContext context) {
        var terms = new ArrayList<Condition>();
        for (var term : context.andCondition()) {
            terms.add(and(term));
        }
        return terms.contains(null) ? null : terms.size() == 1 ? terms.getFirst() : new Condition.Or(terms);
    }

    private Condition and(RuleExpressionParser.AndConditionContext context) {
        var terms = new ArrayList<Condition>();
        for (var term : context.notCondition()) {
            terms.add(not(term));
        }
        return terms.contains(null) ? null : terms.size() == 1 ? terms.getFirst() : new Condition.And(terms);
    }

    private Condition not(RuleExpressionParser.NotConditionContext context) {
        if (context.predicate() != null) {
            return predicate(context.predicate());
        }
        if (!operands.enter(context.getStart())) {
            return null;
        }
        var term = not(context.notCondition());
        operands.leave();
        return term == null ? null : new Condition.Not(term);
    }

    private Condition predicate(RuleExpressionParser.PredicateContext context) {
        return switch (context) {
            case RuleExpressionParser.GroupPredicateContext group -> group(group);
            case RuleExpressionParser.ComparePredicateContext compare -> compare(compare);
            case RuleExpressionParser.InPredicateContext in -> in(in);
            case RuleExpressionParser.LikePredicateContext like -> like(like);
            case RuleExpressionParser.NullPredicateContext isNull -> isNull(isNull);
            case RuleExpressionParser.BarePredicateContext bare -> bare(bare);
            default ->
                throw new IllegalStateException(
                        "unhandled predicate " + context.getClass().getSimpleName());
        };
    }

    private Condition group(RuleExpressionParser.GroupPredicateContext context) {
        if (!operands.enter(context.getStart())) {
            return null;
        }
        var inner = or(context.orCondition());
        operands.leave();
        return inner;
    }

    private Condition compare(RuleExpressionParser.ComparePredicateContext context) {
        var left = operands.sum(context.sum(0));
        var right = operands.sum(context.sum(1));
        if (left == null || right == null) {
            return null;
        }
        var operator = comparator(context.comparator());
        var at = context.comparator().getStart();
        boolean leftNull = left.type() == null;
        boolean rightNull = right.type() == null;
        if (leftNull || rightNull) {
            if ((leftNull && rightNull) || (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE)) {
                source.error(at, "only = and != can compare with null");
                return null;
            }
            return new Condition.NullCheck(leftNull ? right : left, operator == ComparisonOperator.NE);
        }
        if (!sameType(left, right, at)) {
            return null;
        }
        if (left.type() == FieldType.BOOLEAN
                && operator != ComparisonOperator.EQ
                && operator != ComparisonOperator.NE) {
            source.error(at, "booleans can only be compared with = or !=");
            return null;
        }
        if (left.type() == FieldType.STRING && operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
            source.warning(
                    at,
                    "'" + operator.symbol() + "' compares text alphabetically, ignoring case; "
                            + "CRM queries can only narrow such conditions to records that have a value");
        }
        if (operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE) {
            var literalSide = left instanceof Operand.StringLiteral ? context.sum(0) : context.sum(1);
            checkOption(left, right, literalSide.getStart());
            checkOption(right, left, literalSide.getStart());
        }
        return new Condition.Comparison(left, operator, right);
    }

    /** Warns when {@code literal} is text that is not one of the values of the picklist {@code field}. */
    private void checkOption(Operand field, Operand literal, org.antlr.v4.runtime.Token at) {
        if (field instanceof Operand.FieldRef ref && literal instanceof Operand.StringLiteral text) {
            operands.definition(ref)
                    .flatMap(definition -> options.check(operands.schema().name(), definition, text.value()))
                    .ifPresent(message -> source.warning(at, message));
        }
    }

    private Condition in(RuleExpressionParser.InPredicateContext context) {
        var operand = operands.sum(context.sum());
        if (operand == null) {
            return null;
        }
        var values = new ArrayList<Operand.Literal>();
        boolean ok = true;
        for (var item : context.inItem()) {
            var value = inItem(item);
            if (value == null) {
                ok = false;
            } else if (value.type() == null || sameType(operand, value, item.getStart())) {
                checkOption(operand, value, item.getStart());
                values.add(value);
            } else {
                ok = false;
            }
        }
        return ok ? new Condition.InList(operand, values, context.NOT() != null) : null;
    }

    private Operand.Literal inItem(RuleExpressionParser.InItemContext item) {
        if (item.literal() != null) {
            return operands.literal(item.literal());
        }
        if (shorthand) {
            return new Operand.StringLiteral(item.IDENT().getText());
        }
        source.error(
                item.getStart(),
                "bare word '" + item.getText() + "' in IN list; quote strings: '" + item.getText() + "'");
        return null;
    }

    private Condition like(RuleExpressionParser.LikePredicateContext context) {
        var operand = operands.sum(context.sum());
        if (operand == null) {
            return null;
        }
        if (operand.type() != FieldType.STRING) {
            source.error(
                    context.LIKE().getSymbol(),
                    "LIKE needs text: " + OperandTranslator.describe(operand) + " is "
                            + OperandTranslator.typeName(operand));
            return null;
        }
        var pattern = LikePattern.parse(StringLiterals.body(context.STRING().getText()));
        if (!pattern.hasWildcard()) {
            source.warning(context.STRING().getSymbol(), "LIKE pattern without % or _ matches only equal text; use =");
        }
        return new Condition.Like(operand, pattern, context.NOT() != null);
    }

    private Condition isNull(RuleExpressionParser.NullPredicateContext context) {
        var operand = operands.sum(context.sum());
        return operand == null ? null : new Condition.NullCheck(operand, context.NOT() != null);
    }

    private Condition bare(RuleExpressionParser.BarePredicateContext context) {
        var operand = operands.sum(context.sum());
        if (operand == null) {
            return null;
        }
        if (operand instanceof Operand.FieldRef field && field.type() == FieldType.BOOLEAN) {
            return new Condition.BooleanField(field);
        }
        source.error(
                context.getStart(),
                "a condition must be a comparison or a boolean field; " + OperandTranslator.describe(operand) + " is "
                        + OperandTranslator.typeName(operand));
        return null;
    }

    @SuppressWarnings("ReferenceEquality") // which of the two operands is the field: identity, not equality
    private boolean sameType(Operand left, Operand right, org.antlr.v4.runtime.Token at) {
        if (left.type() == right.type()) {
            return true;
        }
        var field = left instanceof Operand.FieldRef ? left : right;
        var other = field == left ? right : left;
        source.error(
                at,
                "type mismatch: " + OperandTranslator.describe(field) + " is " + OperandTranslator.typeName(field)
                        + " but " + OperandTranslator.describe(other) + " is " + OperandTranslator.typeName(other)
                        + literalHint(field.type(), other));
        return false;
    }

    private static String literalHint(FieldType expected, Operand other) {
        if (expected != null && expected.isTemporal() && other instanceof Operand.StringLiteral) {
            return " (write dates unquoted: 2024-05-17 or 2024-05-17T00:00:00Z)";
        }
        return "";
    }

    private static ComparisonOperator comparator(RuleExpressionParser.ComparatorContext context) {
        return switch (context.getStart().getType()) {
            case RuleExpressionParser.EQ -> ComparisonOperator.EQ;
            case RuleExpressionParser.NEQ -> ComparisonOperator.NE;
            case RuleExpressionParser.LT -> ComparisonOperator.LT;
            case RuleExpressionParser.LTE -> ComparisonOperator.LE;
            case RuleExpressionParser.GT -> ComparisonOperator.GT;
            default -> ComparisonOperator.GE;
        };
    }
}
