package io.scoreline.sim.salesforce.soql;

import java.util.List;

/** A WHERE clause tree. */
public sealed interface Condition {

    enum Operator {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    record And(List<Condition> terms) implements Condition {}

    record Or(List<Condition> terms) implements Condition {}

    record Not(Condition term) implements Condition {}

    record Comparison(FieldPath field, Operator operator, Literal value) implements Condition {}

    record In(FieldPath field, boolean negated, List<Literal> values) implements Condition {}

    record Like(FieldPath field, boolean negated, String pattern) implements Condition {}
}
