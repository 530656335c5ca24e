package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.Operand;
import java.util.Optional;

/** A comparison of a field with a literal, field first: the only comparison CRMs can filter by. */
record FieldComparison(Operand.FieldRef field, ComparisonOperator operator, Operand.Literal literal) {

    static Optional<FieldComparison> of(Condition.Comparison comparison) {
        if (comparison.left() instanceof Operand.FieldRef field
                && comparison.right() instanceof Operand.Literal literal) {
            return Optional.of(new FieldComparison(field, comparison.operator(), literal));
        }
        if (comparison.right() instanceof Operand.FieldRef field
                && comparison.left() instanceof Operand.Literal literal) {
            return Optional.of(new FieldComparison(field, mirrored(comparison.operator()), literal));
        }
        return Optional.empty();
    }

    private static ComparisonOperator mirrored(ComparisonOperator operator) {
        return switch (operator) {
            case LT -> ComparisonOperator.GT;
            case LE -> ComparisonOperator.GE;
            case GT -> ComparisonOperator.LT;
            case GE -> ComparisonOperator.LE;
            case EQ, NE -> operator;
        };
    }
}
