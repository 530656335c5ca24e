package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.ast.Operand;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A datetime literal finer than the CRM's filter precision (SOQL datetimes are whole seconds,
 * HubSpot filters whole milliseconds), with the nearest representable instants either side.
 * Comparisons with it are widened to those bounds so that no matching record is filtered out.
 */
record CoarseInstant(Instant floor, Instant ceiling) {

    /** Empty when the literal is not a datetime or is exact at {@code precision}. */
    static Optional<CoarseInstant> of(Operand.Literal literal, ChronoUnit precision) {
        if (!(literal instanceof Operand.DateTimeLiteral dateTime)) {
            return Optional.empty();
        }
        var floor = dateTime.value().truncatedTo(precision);
        return floor.equals(dateTime.value())
                ? Optional.empty()
                : Optional.of(new CoarseInstant(floor, floor.plus(1, precision)));
    }
}
