package io.scoreline.mappings.measures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A KPI's value over a window, or why it has none: a ratio whose denominator is below its
 * minimum is undefined (no 100 % connect rate from one call), which is not the same as zero.
 */
public sealed interface MeasuredValue {

    record Defined(BigDecimal value) implements MeasuredValue {
        public Defined {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param reason for people, e.g. {@code "3 calls_made, fewer than the minimum 10"} */
    record Undefined(String reason) implements MeasuredValue {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
