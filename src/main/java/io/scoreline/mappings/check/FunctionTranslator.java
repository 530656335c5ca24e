package io.scoreline.mappings.check;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.Operand;
import io.scoreline.mappings.grammar.RuleExpressionParser.FunctionCallContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/** Checks calls of the value functions ROUND, ABS and COALESCE. */
final class FunctionTranslator {

    private static final int MAX_DECIMALS = 12;

    private final ExpressionSource source;
    private final OperandTranslator operands;

    FunctionTranslator(ExpressionSource source, OperandTranslator operands) {
        this.source = source;
        this.operands = operands;
    }

    Operand call(FunctionCallContext context) {
        var name = context.IDENT().getText().toUpperCase(Locale.ROOT);
        var function = Arrays.stream(Operand.Function.values())
                .filter(f -> f.name().equals(name))
                .findFirst();
        if (function.isEmpty()) {
            source.error(
                    context.getStart(),
                    "unknown function '" + context.IDENT().getText() + "' (available: ROUND, ABS, COALESCE)");
            return null;
        }
        if (!operands.enter(context.getStart())) {
            return null;
        }
        var arguments = new ArrayList<Operand>();
        for (var argument : context.sum()) {
            arguments.add(operands.sum(argument));
        }
        operands.leave();
        if (arguments.contains(null)) {
            return null;
        }
        return switch (function.get()) {
            case ROUND -> numeric(context, function.get(), arguments, 1, 2);
            case ABS -> numeric(context, function.get(), arguments, 1, 1);
            case COALESCE -> coalesce(context, arguments);
        };
    }

    private Operand numeric(
            FunctionCallContext context,
            Operand.Function function,
            java.util.List<Operand> arguments,
            int min,
            int max) {
        if (arguments.size() < min || arguments.size() > max) {
            source.error(
                    context.getStart(),
                    function.name() + " takes " + (min == max ? min : min + " or " + max) + " argument"
                            + (max == 1 ? "" : "s"));
            return null;
        }
        for (var argument : arguments) {
            if (argument.type() != FieldType.NUMBER) {
                source.error(
                        context.getStart(),
                        function.name() + " needs numbers: " + OperandTranslator.describe(argument) + " is "
                                + OperandTranslator.typeName(argument));
                return null;
            }
        }
        if (arguments.size() == 2
                && !(arguments.get(1) instanceof Operand.NumberLiteral decimals
                        && decimals.value().stripTrailingZeros().scale() <= 0
                        && decimals.value().compareTo(java.math.BigDecimal.ZERO) >= 0
                        && decimals.value().compareTo(java.math.BigDecimal.valueOf(MAX_DECIMALS)) <= 0)) {
            source.error(
                    context.getStart(), "ROUND's number of decimals must be a whole number from 0 to " + MAX_DECIMALS);
            return null;
        }
        return new Operand.FunctionCall(function, arguments, FieldType.NUMBER);
    }

    private Operand coalesce(FunctionCallContext context, java.util.List<Operand> arguments) {
        if (arguments.size() < 2) {
            source.error(context.getStart(), "COALESCE takes at least 2 arguments");
            return null;
        }
        FieldType type = null;
        for (var argument : arguments) {
            if (argument.type() == null) {
                continue;
            }
            if (type != null && argument.type() != type) {
                source.error(
                        context.getStart(),
                        "COALESCE arguments must have one type: " + OperandTranslator.describe(argument) + " is "
                                + argument.type().key() + ", not " + type.key());
                return null;
            }
            type = argument.type();
        }
        if (type == null) {
            source.error(context.getStart(), "COALESCE of nulls only is always null");
            return null;
        }
        return new Operand.FunctionCall(Operand.Function.COALESCE, arguments, type);
    }
}
