package io.scoreline.mappings.eval;

import io.scoreline.mappings.ast.Operand;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Compiles checked {@link Operand}s into {@link ValueNode}s; nothing is parsed or looked up per record. */
public final class ValueCompiler {

    /** 34 significant digits: far beyond any KPI value, and every quotient terminates. */
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private ValueCompiler() {}

    public static ValueNode compile(Operand operand) {
        return switch (operand) {
            case Operand.FieldRef field -> fieldValue(field);
            case Operand.Literal literal -> constant(literalValue(literal));
            case Operand.Negation negation -> negate(compile(negation.operand()));
            case Operand.Arithmetic arithmetic -> arithmetic(arithmetic);
            case Operand.FunctionCall call -> function(call);
        };
    }

    /** The Java value of a literal, in the representation {@link ValueCoercion} produces. */
    public static Object literalValue(Operand.Literal literal) {
        return switch (literal) {
            case Operand.StringLiteral s -> s.value();
            case Operand.NumberLiteral n -> n.value();
            case Operand.BooleanLiteral b -> b.value();
            case Operand.DateLiteral d -> d.value();
            case Operand.DateTimeLiteral d -> d.value();
            case Operand.NullLiteral n -> null;
        };
    }

    private static ValueNode fieldValue(Operand.FieldRef field) {
        var reader = new FieldReader(field.path());
        var type = field.type();
        return fields -> ValueCoercion.coerce(reader.read(fields), type);
    }

    private static ValueNode constant(Object value) {
        return fields -> value;
    }

    private static ValueNode negate(ValueNode inner) {
        return fields -> inner.value(fields) instanceof BigDecimal d ? d.negate() : null;
    }

    private static ValueNode arithmetic(Operand.Arithmetic arithmetic) {
        var left = compile(arithmetic.left());
        var right = compile(arithmetic.right());
        return switch (arithmetic.operator()) {
            case ADD -> fields -> apply(left, right, fields, BigDecimal::add);
            case SUBTRACT -> fields -> apply(left, right, fields, BigDecimal::subtract);
            case MULTIPLY -> fields -> apply(left, right, fields, BigDecimal::multiply);
            case DIVIDE -> fields -> apply(left, right, fields, ValueCompiler::divide);
        };
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw DivisionByZero.INSTANCE;
        }
        return dividend.divide(divisor, DIVISION);
    }

    private static Object apply(
            ValueNode left,
            ValueNode right,
            java.util.Map<String, Object> fields,
            java.util.function.BinaryOperator<BigDecimal> operator) {
        if (left.value(fields) instanceof BigDecimal a && right.value(fields) instanceof BigDecimal b) {
            return operator.apply(a, b);
        }
        return null;
    }

    private static ValueNode function(Operand.FunctionCall call) {
        var arguments = call.arguments().stream().map(ValueCompiler::compile).toArray(ValueNode[]::new);
        return switch (call.function()) {
            case ABS -> fields -> arguments[0].value(fields) instanceof BigDecimal d ? d.abs() : null;
            case ROUND -> round(arguments);
            case COALESCE ->
                fields -> {
                    for (var argument : arguments) {
                        var value = argument.value(fields);
                        if (value != null) {
                            return value;
                        }
                    }
                    return null;
                };
        };
    }

    private static ValueNode round(ValueNode[] arguments) {
        var scale = arguments.length > 1 && arguments[1].value(java.util.Map.of()) instanceof BigDecimal d
                ? d.intValue()
                : 0;
        return fields ->
                arguments[0].value(fields) instanceof BigDecimal d ? d.setScale(scale, RoundingMode.HALF_UP) : null;
    }
}
