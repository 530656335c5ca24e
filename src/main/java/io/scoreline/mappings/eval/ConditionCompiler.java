package io.scoreline.mappings.eval;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.Operand;

/**
 * Compiles checked conditions into {@link ConditionNode}s with the null rules of DESIGN §6:
 * {@code =}, {@code IN}, {@code LIKE} and ordering are false for a null operand; {@code !=},
 * {@code NOT IN} and {@code NOT LIKE} are their exact negations (so true for null); a null
 * boolean counts as false; {@code IS NULL} tests for null itself.
 */
public final class ConditionCompiler {

    private static final int SCANNED_LIST_SIZE = 16;

    private ConditionCompiler() {}

    public static ConditionNode compile(Condition condition) {
        return switch (condition) {
            case Condition.And and ->
                all(and.terms().stream().map(ConditionCompiler::compile).toArray(ConditionNode[]::new));
            case Condition.Or or ->
                any(or.terms().stream().map(ConditionCompiler::compile).toArray(ConditionNode[]::new));
            case Condition.Not not -> {
                var inner = compile(not.term());
                yield fields -> !inner.test(fields);
            }
            case Condition.Comparison comparison -> comparison(comparison);
            case Condition.InList in -> in(in);
            case Condition.Like like -> like(like);
            case Condition.NullCheck check -> {
                var value = ValueCompiler.compile(check.operand());
                yield check.negated() ? fields -> value.value(fields) != null : fields -> value.value(fields) == null;
            }
            case Condition.BooleanField field -> {
                var value = ValueCompiler.compile(field.field());
                yield fields -> Boolean.TRUE.equals(value.value(fields));
            }
        };
    }

    private static ConditionNode all(ConditionNode[] terms) {
        return fields -> {
            for (var term : terms) {
                if (!term.test(fields)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static ConditionNode any(ConditionNode[] terms) {
        return fields -> {
            for (var term : terms) {
                if (term.test(fields)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static ConditionNode comparison(Condition.Comparison comparison) {
        var type = comparison.left().type();
        var left = nullBooleanAsFalse(ValueCompiler.compile(comparison.left()), type);
        var right = nullBooleanAsFalse(ValueCompiler.compile(comparison.right()), type);
        var operator = comparison.operator();
        if (operator == ComparisonOperator.NE) {
            var equal = comparison(left, right, type, ComparisonOperator.EQ);
            return fields -> !equal.test(fields);
        }
        return comparison(left, right, type, operator);
    }

    private static ConditionNode comparison(
            ValueNode left, ValueNode right, FieldType type, ComparisonOperator operator) {
        return fields -> {
            var a = left.value(fields);
            if (a == null) {
                return false;
            }
            var b = right.value(fields);
            if (b == null) {
                return false;
            }
            int order = ValueOrder.compare(a, b, type);
            return switch (operator) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        };
    }

    private static ValueNode nullBooleanAsFalse(ValueNode node, FieldType type) {
        if (type != FieldType.BOOLEAN) {
            return node;
        }
        return fields -> {
            var value = node.value(fields);
            return value == null ? false : value;
        };
    }

    private static ConditionNode in(Condition.InList in) {
        var type = in.operand().type();
        var operand = nullBooleanAsFalse(ValueCompiler.compile(in.operand()), type);
        boolean matchesNull = in.values().stream().anyMatch(v -> v instanceof Operand.NullLiteral);
        var values = in.values().stream()
                .map(ValueCompiler::literalValue)
                .filter(java.util.Objects::nonNull)
                .toArray();
        var membership = values.length <= SCANNED_LIST_SIZE ? scanned(values, type) : sorted(values, type);
        ConditionNode member = fields -> {
            var value = operand.value(fields);
            return value == null ? matchesNull : membership.test(value);
        };
        return in.negated() ? fields -> !member.test(fields) : member;
    }

    /** A short list is scanned: no hashing or case folding per record, and IN lists are short. */
    private static java.util.function.Predicate<Object> scanned(Object[] values, FieldType type) {
        return value -> {
            for (var candidate : values) {
                if (ValueOrder.compare(value, candidate, type) == 0) {
                    return true;
                }
            }
            return false;
        };
    }

    private static java.util.function.Predicate<Object> sorted(Object[] values, FieldType type) {
        var set = new java.util.TreeSet<Object>((a, b) -> ValueOrder.compare(a, b, type));
        java.util.Collections.addAll(set, values);
        return set::contains;
    }

    private static ConditionNode like(Condition.Like like) {
        var operand = ValueCompiler.compile(like.operand());
        var matcher = LikeMatcher.of(like.pattern());
        ConditionNode matches = fields -> operand.value(fields) instanceof String s && matcher.test(s);
        return like.negated() ? fields -> !matches.test(fields) : matches;
    }
}
