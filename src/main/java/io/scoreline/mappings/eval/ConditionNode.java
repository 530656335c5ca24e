package io.scoreline.mappings.eval;

import java.util.Map;

/** A compiled condition over one record's fields. */
@FunctionalInterface
public interface ConditionNode {

    /** @throws DivisionByZero when an arithmetic operand divides by zero for this record */
    boolean test(Map<String, Object> fields);
}
