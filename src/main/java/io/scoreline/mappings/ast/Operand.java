package io.scoreline.mappings.ast;

import io.scoreline.mappings.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A checked value expression; {@link #type()} is its static type ({@code null} only for the null literal). */
public sealed interface Operand {

    FieldType type();

    /** A catalog field, by its canonical spelling. */
    record FieldRef(String path, FieldType type) implements Operand {}

    record Arithmetic(Operand left, ArithmeticOperator operator, Operand right) implements Operand {
        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }
    }

    record Negation(Operand operand) implements Operand {
        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }
    }

    record FunctionCall(Function function, List<Operand> arguments, FieldType type) implements Operand {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    sealed interface Literal extends Operand {}

    record StringLiteral(String value) implements Literal {
        @Override
        public FieldType type() {
            return FieldType.STRING;
        }
    }

    record NumberLiteral(BigDecimal value) implements Literal {
        @Override
        public FieldType type() {
            return FieldType.NUMBER;
        }
    }

    record BooleanLiteral(boolean value) implements Literal {
        @Override
        public FieldType type() {
            return FieldType.BOOLEAN;
        }
    }

    record DateLiteral(LocalDate value) implements Literal {
        @Override
        public FieldType type() {
            return FieldType.DATE;
        }
    }

    /** A datetime literal; {@code text} keeps the offset as written, for canonical text. */
    record DateTimeLiteral(Instant value, String text) implements Literal {
        @Override
        public FieldType type() {
            return FieldType.DATETIME;
        }
    }

    record NullLiteral() implements Literal {
        @Override
        public FieldType type() {
            return null;
        }
    }

    enum ArithmeticOperator {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum Function {
        ROUND,
        ABS,
        COALESCE
    }
}
