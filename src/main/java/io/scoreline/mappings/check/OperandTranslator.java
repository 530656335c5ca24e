package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.ast.Operand;
import io.scoreline.mappings.eval.TimestampParser;
import io.scoreline.mappings.grammar.RuleExpressionParser;
import io.scoreline.mappings.grammar.RuleExpressionParser.AtomContext;
import io.scoreline.mappings.grammar.RuleExpressionParser.LiteralContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns value-expression parse trees into typed {@link Operand}s, resolving fields against the
 * object's schema. Returns {@code null} for a subtree that had an error (already reported), so
 * that one mistake is reported once rather than cascading.
 */
final class OperandTranslator {

    static final int MAX_DEPTH = 32;

    /** The setting that has objects with formula fields re-read over a recent window on a schedule. */
    static final String FORMULA_REFRESH_SETTING = "SCORELINE_FORMULA_REFRESH_WINDOW";

    private final ExpressionSource source;
    private final ObjectSchema schema;
    private final Optional<String> shorthandPrefix;
    private int depth;

    OperandTranslator(ExpressionSource source, ObjectSchema schema, Optional<String> shorthandPrefix) {
        this.source = source;
        this.schema = schema;
        this.shorthandPrefix = shorthandPrefix;
    }

    Operand sum(RuleExpressionParser.SumContext context) {
        var result = product(context.product(0));
        for (int i = 1; i < context.product().size(); i++) {
            var operator = context.getChild(2 * i - 1).getText().equals("+")
                    ? Operand.ArithmeticOperator.ADD
                    : Operand.ArithmeticOperator.SUBTRACT;
            result = arithmetic(result, operator, product(context.product(i)), context.getStart());
        }
        return result;
    }

    private Operand product(RuleExpressionParser.ProductContext context) {
        var result = unary(context.unary(0));
        for (int i = 1; i < context.unary().size(); i++) {
            var operator = context.getChild(2 * i - 1).getText().equals("*")
                    ? Operand.ArithmeticOperator.MULTIPLY
                    : Operand.ArithmeticOperator.DIVIDE;
            result = arithmetic(result, operator, unary(context.unary(i)), context.getStart());
        }
        return result;
    }

    private Operand unary(RuleExpressionParser.UnaryContext context) {
        if (context.atom() != null) {
            return atom(context.atom());
        }
        if (!enter(context.getStart())) {
            return null;
        }
        var operand = unary(context.unary());
        leave();
        if (operand == null) {
            return null;
        }
        if (operand.type() != FieldType.NUMBER) {
            source.error(
                    context.getStart(),
                    "arithmetic on a non-number: " + describe(operand) + " is " + typeName(operand));
            return null;
        }
        return operand instanceof Operand.NumberLiteral n
                ? new Operand.NumberLiteral(n.value().negate())
                : new Operand.Negation(operand);
    }

    private Operand atom(AtomContext context) {
        if (context.literal() != null) {
            return literal(context.literal());
        }
        if (context.functionCall() != null) {
            return new FunctionTranslator(source, this).call(context.functionCall());
        }
        if (context.fieldPath() != null) {
            return fieldOrBareWord(context.fieldPath());
        }
        if (!enter(context.getStart())) {
            return null;
        }
        var inner = sum(context.sum());
        leave();
        return inner;
    }

    /** A field reference; in the shorthand form, a word without the object prefix is a string. */
    Operand fieldOrBareWord(RuleExpressionParser.FieldPathContext context) {
        var path = context.getText();
        if (shorthandPrefix.isPresent()) {
            var prefix = shorthandPrefix.get() + ".";
            if (!path.regionMatches(true, 0, prefix, 0, prefix.length())) {
                if (path.contains(".")) {
                    source.error(
                            context.getStart(),
                            "every field of a shorthand rule must start with " + prefix + " (found " + path + ")");
                    return null;
                }
                return new Operand.StringLiteral(path);
            }
            path = path.substring(prefix.length());
        }
        return field(path, context.getStart()).orElse(null);
    }

    Optional<Operand.FieldRef> field(String path, org.antlr.v4.runtime.Token at) {
        var field = schema.field(path);
        if (field.isEmpty()) {
            source.error(at, unknownField(schema, path, shorthandPrefix.isEmpty()));
            return Optional.empty();
        }
        if (field.get().calculated()) {
            source.warning(at, formulaField(schema, field.get()));
        }
        return Optional.of(new Operand.FieldRef(field.get().name(), field.get().type()));
    }

    /** The catalog's definition of a field this translator resolved, with its options and flags. */
    Optional<FieldDef> definition(Operand.FieldRef field) {
        return schema.field(field.path());
    }

    ObjectSchema schema() {
        return schema;
    }

    /**
     * The unknown-field error: the closest fields of the object when one is close, else for a bare
     * word of the full form the reminder that text needs quotes.
     */
    static String unknownField(ObjectSchema schema, String path, boolean bareWordMayBeText) {
        var hint = NameSuggestions.didYouMean(
                        path, schema.fields().stream().map(FieldDef::name).toList(), "")
                .or(() -> bareWordMayBeText && !path.contains(".")
                        ? Optional.of("to compare with the text " + path + ", quote it: '" + path + "'")
                        : Optional.empty());
        return "unknown field '" + path + "' on " + schema.name()
                + hint.map(h -> " (" + h + ")").orElse("");
    }

    /**
     * A formula's value changes when inputs on other records change, without its own record's
     * modification stamp moving, so an incremental sync never sees the new value.
     */
    static String formulaField(ObjectSchema schema, FieldDef field) {
        return schema.name() + "." + field.name() + " is a formula field: its value can change without the"
                + " record's modification stamp moving, so syncs miss such changes unless "
                + FORMULA_REFRESH_SETTING + " has " + schema.name() + " re-read on a schedule";
    }

    Operand.Literal literal(LiteralContext context) {
        var token = context.getStop();
        var text = token.getText();
        return switch (token.getType()) {
            case RuleExpressionParser.STRING -> new Operand.StringLiteral(StringLiterals.unescape(text));
            case RuleExpressionParser.NUMBER -> {
                var value = new BigDecimal(text);
                yield new Operand.NumberLiteral(context.MINUS() != null ? value.negate() : value);
            }
            case RuleExpressionParser.TRUE -> new Operand.BooleanLiteral(true);
            case RuleExpressionParser.FALSE -> new Operand.BooleanLiteral(false);
            case RuleExpressionParser.DATE -> date(text, context);
            case RuleExpressionParser.DATETIME -> dateTime(text, context);
            default -> new Operand.NullLiteral();
        };
    }

    private Operand.Literal date(String text, LiteralContext context) {
        try {
            return new Operand.DateLiteral(LocalDate.parse(text));
        } catch (DateTimeException e) {
            source.error(context.getStart(), "invalid date " + text);
            return null;
        }
    }

    private Operand.Literal dateTime(String text, LiteralContext context) {
        var instant = TimestampParser.instant(text.replace('t', 'T').replace('z', 'Z'));
        if (instant == null) {
            source.error(context.getStart(), "invalid datetime " + text + " (write e.g. 2024-05-17T14:03:22Z)");
            return null;
        }
        return new Operand.DateTimeLiteral(instant, text.toUpperCase(Locale.ROOT));
    }

    private Operand arithmetic(
            Operand left, Operand.ArithmeticOperator operator, Operand right, org.antlr.v4.runtime.Token at) {
        if (left == null || right == null) {
            return null;
        }
        for (var side : new Operand[] {left, right}) {
            if (side.type() != FieldType.NUMBER) {
                source.error(at, "arithmetic on a non-number: " + describe(side) + " is " + typeName(side));
                return null;
            }
        }
        return new Operand.Arithmetic(left, operator, right);
    }

    boolean enter(org.antlr.v4.runtime.Token at) {
        if (++depth > MAX_DEPTH) {
            source.error(at, "expression nested deeper than " + MAX_DEPTH + " levels");
            depth = Integer.MIN_VALUE / 2;
            return false;
        }
        return true;
    }

    void leave() {
        depth--;
    }

    static String describe(Operand operand) {
        return switch (operand) {
            case Operand.FieldRef f -> f.path();
            case Operand.Literal l -> io.scoreline.mappings.ast.ExpressionText.of(l);
            default -> "'" + io.scoreline.mappings.ast.ExpressionText.of(operand) + "'";
        };
    }

    static String typeName(Operand operand) {
        return operand.type() == null ? "null" : operand.type().key();
    }
}
