package io.scoreline.mappings.eval;

/**
 * Signals a division by zero while evaluating one record. Preallocated and without a stack
 * trace: it is an expected data condition (it costs the record its fact), not a bug.
 */
public final class DivisionByZero extends RuntimeException {

    @SuppressWarnings(
            "StaticAssignmentOfThrowable") // stackless and stateless: an expected data condition, thrown once per bad
    // record (see above)
    static final DivisionByZero INSTANCE = new DivisionByZero();

    private DivisionByZero() {
        super("division by zero", null, false, false);
    }
}
