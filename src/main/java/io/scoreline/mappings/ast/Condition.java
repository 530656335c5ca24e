package io.scoreline.mappings.ast;

import java.util.List;

/**
 * A checked {@code when} condition. Comparisons with {@code null} are already turned into
 * {@link NullCheck}s, and the shorthand form into ordinary string comparisons.
 */
public sealed interface Condition {

    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Condition> terms) implements Condition {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(Condition term) implements Condition {}

    /** {@code left op right} where neither side is the null literal. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Condition {}

    /** {@code operand [NOT] IN (values)}; a null among the values matches a null operand. */
    record InList(Operand operand, List<Operand.Literal> values, boolean negated) implements Condition {
        public InList {
            values = List.copyOf(values);
        }
    }

    record Like(Operand operand, LikePattern pattern, boolean negated) implements Condition {}

    /** {@code IS NULL} (or {@code = null}); negated for {@code IS NOT NULL}. */
    record NullCheck(Operand operand, boolean negated) implements Condition {}

    /** A bare boolean field used as the whole condition; null counts as false. */
    record BooleanField(Operand.FieldRef field) implements Condition {}
}
