package io.scoreline.mappings.eval;

import java.util.Map;

/** A compiled value expression: its typed value for one record's fields, or {@code null}. */
@FunctionalInterface
public interface ValueNode {

    /** @throws DivisionByZero when the expression divides by zero for this record */
    Object value(Map<String, Object> fields);
}
