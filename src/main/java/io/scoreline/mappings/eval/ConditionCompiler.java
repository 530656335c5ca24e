package io.scoreline.mappings.eval;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.LikePattern;
import io.scoreline.mappings.ast.Operand;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compiles checked conditions into {@link ConditionNode}s with the null rules of DESIGN §6:
 * {@code =}, {@code IN}, {@code LIKE} and ordering are false for a null operand; {@code !=},
 * {@code NOT IN} and {@code NOT LIKE} are their exact negations (so true for null); a null
 * boolean counts as false; {@code IS NULL} tests for null itself.
 */
public final class ConditionCompiler {

    private ConditionCompiler() {
    }

    public static ConditionNode compile(Condition condition) {
        return switch (condition) {
            case Condition.And and -> all(and.terms().stream().map(ConditionCompiler::compile).toArray(ConditionNode[]::new));
            case Condition.Or or -> any(or.terms().stream().map(ConditionCompiler::compile).toArray(ConditionNode[]::new));
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

    private static ConditionNode comparison(ValueNode left, ValueNode right, FieldType type, ComparisonOperator operator) {
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
            return value == null ? Boolean.FALSE : value;
        };
    }

    private static ConditionNode in(Condition.InList in) {
        var type = in.operand().type();
        var operand = nullBooleanAsFalse(ValueCompiler.compile(in.operand()), type);
        boolean matchesNull = in.values().stream().anyMatch(v -> v instanceof Operand.NullLiteral);
        Set<Object> values = type == FieldType.NUMBER ? new TreeSet<>() : new HashSet<>();
        for (var literal : in.values()) {
            var value = ValueCompiler.literalValue(literal);
            if (value != null) {
                values.add(type == FieldType.STRING ? ((String) value).toLowerCase(Locale.ROOT) : value);
            }
        }
        ConditionNode member = fields -> {
            var value = operand.value(fields);
            if (value == null) {
                return matchesNull;
            }
            return values.contains(value instanceof String s ? s.toLowerCase(Locale.ROOT) : value);
        };
        return in.negated() ? fields -> !member.test(fields) : member;
    }

    private static ConditionNode like(Condition.Like like) {
        var operand = ValueCompiler.compile(like.operand());
        var regex = regex(like.pattern());
        ConditionNode matches = fields -> operand.value(fields) instanceof String s && regex.matcher(s).matches();
        return like.negated() ? fields -> !matches.test(fields) : matches;
    }

    static Pattern regex(LikePattern pattern) {
        var regex = new StringBuilder();
        for (var part : pattern.parts()) {
            switch (part) {
                case LikePattern.Text text -> regex.append(Pattern.quote(text.text()));
                case LikePattern.AnyRun run -> regex.append(".*");
                case LikePattern.AnyChar one -> regex.append('.');
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

}
