package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A participant's score and when it was reached. {@code reachedAt} comes from the data (the moment
 * of the last activity counted), not from when Scoreline happened to process it, so a rep whose CRM
 * synced late is not ranked behind someone who did the same work later, and a full recomputation
 * gives exactly the board the incremental updates built. A score can be undefined (a ratio below its
 * minimum denominator, ADR 0042): not zero, and ranked after every defined score.
 */
record Score(MeasuredValue value, Optional<Instant> reachedAt) {

    static final Score ZERO = new Score(new MeasuredValue.Defined(BigDecimal.ZERO), Optional.empty());

    /** Defined and above zero: a row that has done something (it can lead, place, win). */
    boolean positive() {
        return positive(value);
    }

    /** Defined and at least {@code target}. */
    boolean reaches(BigDecimal target) {
        return value instanceof MeasuredValue.Defined(var v) && v.compareTo(target) >= 0;
    }

    /** The same value and moment, whatever the scale of the number (3 and 3.000000 are one score). */
    boolean sameAs(Score other) {
        return same(value, other.value) && reachedAt.equals(other.reachedAt);
    }

    static boolean positive(MeasuredValue value) {
        return value instanceof MeasuredValue.Defined(var v) && v.signum() > 0;
    }

    static boolean same(MeasuredValue a, MeasuredValue b) {
        return switch (a) {
            case MeasuredValue.Defined(var x) -> b instanceof MeasuredValue.Defined(var y) && x.compareTo(y) == 0;
            case MeasuredValue.Undefined(var reason) ->
                b instanceof MeasuredValue.Undefined(var other) && reason.equals(other);
        };
    }

    /** The number without trailing zeros (3, not 3.000000), or empty when undefined. */
    static Optional<String> plain(MeasuredValue value) {
        return switch (value) {
            case MeasuredValue.Defined(var v) ->
                Optional.of(v.stripTrailingZeros().toPlainString());
            case MeasuredValue.Undefined _ -> Optional.empty();
        };
    }
}
