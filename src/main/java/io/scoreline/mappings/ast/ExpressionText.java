package io.scoreline.mappings.ast;

import java.util.stream.Collectors;

/**
 * Renders checked expressions back to rule-language text in one canonical spelling
 * (upper-case keywords, single-quoted strings, minimal parentheses), used for stored
 * documents and diffs. The output parses back to an equal tree.
 */
public final class ExpressionText {

    private ExpressionText() {}

    public static String of(Condition condition) {
        return switch (condition) {
            case Condition.Or or -> or.terms().stream().map(ExpressionText::of).collect(Collectors.joining(" OR "));
            case Condition.And and ->
                and.terms().stream()
                        .map(t -> t instanceof Condition.Or ? "(" + of(t) + ")" : of(t))
                        .collect(Collectors.joining(" AND "));
            case Condition.Not not -> "NOT " + (isAtomic(not.term()) ? of(not.term()) : "(" + of(not.term()) + ")");
            case Condition.Comparison c -> of(c.left()) + " " + c.operator().symbol() + " " + of(c.right());
            case Condition.InList in ->
                of(in.operand()) + (in.negated() ? " NOT IN (" : " IN (")
                        + in.values().stream().map(ExpressionText::of).collect(Collectors.joining(", ")) + ")";
            case Condition.Like like ->
                of(like.operand())
                        + (like.negated() ? " NOT LIKE " : " LIKE ")
                        + like.pattern().toSoqlLiteral();
            case Condition.NullCheck check -> of(check.operand()) + (check.negated() ? " IS NOT NULL" : " IS NULL");
            case Condition.BooleanField field -> field.field().path();
        };
    }

    public static String of(Operand operand) {
        return switch (operand) {
            case Operand.FieldRef field -> field.path();
            case Operand.StringLiteral s -> quote(s.value());
            case Operand.NumberLiteral n -> n.value().toPlainString();
            case Operand.BooleanLiteral b -> b.value() ? "true" : "false";
            case Operand.DateLiteral d -> d.value().toString();
            case Operand.DateTimeLiteral d -> d.text();
            case Operand.NullLiteral n -> "null";
            case Operand.Negation n -> "-" + wrapped(n.operand(), 3);
            case Operand.FunctionCall call ->
                call.function().name() + "("
                        + call.arguments().stream().map(ExpressionText::of).collect(Collectors.joining(", ")) + ")";
            case Operand.Arithmetic a ->
                wrapped(a.left(), precedence(a)) + " " + a.operator().symbol() + " "
                        + wrapped(a.right(), precedence(a) + 1);
        };
    }

    /** A string literal with SOQL escapes, quotes included. */
    public static String quote(String value) {
        var out = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(
                    switch (c) {
                        case '\'' -> "\\'";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        default -> String.valueOf(c);
                    });
        }
        return out.append('\'').toString();
    }

    private static boolean isAtomic(Condition condition) {
        return switch (condition) {
            case Condition.And and -> false;
            case Condition.Or or -> false;
            default -> true;
        };
    }

    private static String wrapped(Operand operand, int minimumPrecedence) {
        var text = of(operand);
        return operand instanceof Operand.Arithmetic a && precedence(a) < minimumPrecedence ? "(" + text + ")" : text;
    }

    private static int precedence(Operand.Arithmetic arithmetic) {
        return switch (arithmetic.operator()) {
            case ADD, SUBTRACT -> 1;
            case MULTIPLY, DIVIDE -> 2;
        };
    }
}
