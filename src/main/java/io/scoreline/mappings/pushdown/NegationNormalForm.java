package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a condition so that no {@link Condition.Not} remains, preserving the evaluator's
 * two-valued null semantics exactly. With negations gone, every atom sits in a positive
 * position, so a compiler may replace an atom it cannot express by "true" and still produce
 * a superset of the exact matches.
 */
final class NegationNormalForm {

    private NegationNormalForm() {}

    static Condition of(Condition condition) {
        return switch (condition) {
            case Condition.And and ->
                new Condition.And(
                        and.terms().stream().map(NegationNormalForm::of).toList());
            case Condition.Or or ->
                new Condition.Or(or.terms().stream().map(NegationNormalForm::of).toList());
            case Condition.Not not -> negated(not.term());
            default -> condition;
        };
    }

    private static Condition negated(Condition condition) {
        return switch (condition) {
            case Condition.And and ->
                new Condition.Or(
                        and.terms().stream().map(NegationNormalForm::negated).toList());
            case Condition.Or or ->
                new Condition.And(
                        or.terms().stream().map(NegationNormalForm::negated).toList());
            case Condition.Not not -> of(not.term());
            case Condition.InList in -> new Condition.InList(in.operand(), in.values(), !in.negated());
            case Condition.Like like -> new Condition.Like(like.operand(), like.pattern(), !like.negated());
            case Condition.NullCheck check -> new Condition.NullCheck(check.operand(), !check.negated());
            case Condition.BooleanField field ->
                new Condition.Comparison(field.field(), ComparisonOperator.NE, new Operand.BooleanLiteral(true));
            case Condition.Comparison comparison -> negatedComparison(comparison);
        };
    }

    /**
     * {@code !=} is defined as the negation of {@code =}; an ordering that fails may have
     * failed because an operand was null (a null boolean is false, never null).
     */
    private static Condition negatedComparison(Condition.Comparison comparison) {
        var operator = comparison.operator();
        if (operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE) {
            return new Condition.Comparison(comparison.left(), operator.negate(), comparison.right());
        }
        var alternatives = new ArrayList<Condition>();
        alternatives.add(new Condition.Comparison(comparison.left(), operator.negate(), comparison.right()));
        for (var side : List.of(comparison.left(), comparison.right())) {
            if (!(side instanceof Operand.Literal) && side.type() != FieldType.BOOLEAN) {
                alternatives.add(new Condition.NullCheck(side, false));
            }
        }
        return new Condition.Or(alternatives);
    }
}
