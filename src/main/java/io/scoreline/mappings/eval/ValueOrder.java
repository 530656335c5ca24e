package io.scoreline.mappings.eval;

import io.scoreline.mappings.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Orders two non-null values of one type; strings ignore case, as SOQL compares them. */
final class ValueOrder {

    private ValueOrder() {}

    static int compare(Object a, Object b, FieldType type) {
        return switch (type) {
            case STRING -> String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
            case NUMBER -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            case DATE -> ((LocalDate) a).compareTo((LocalDate) b);
            case DATETIME -> ((Instant) a).compareTo((Instant) b);
        };
    }
}
