package io.scoreline.sim.salesforce.soql;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed SOQL statement.
 *
 * @param fields       the SELECT list; empty for {@code SELECT COUNT()}
 * @param fromPosition offset of the object name, for INVALID_TYPE errors
 */
public record SoqlQuery(
        List<FieldPath> fields,
        boolean countOnly,
        String from,
        int fromPosition,
        Optional<Condition> where,
        List<OrderItem> orderBy,
        OptionalInt limit,
        OptionalInt offset) {

    public SoqlQuery {
        fields = List.copyOf(fields);
        orderBy = List.copyOf(orderBy);
    }

    /** One ORDER BY term; nulls sort first unless {@code nullsLast}. */
    public record OrderItem(FieldPath field, boolean descending, boolean nullsLast) {}
}
