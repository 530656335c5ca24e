package io.scoreline.mappings.eval;

import io.scoreline.mappings.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Turns a raw JSON value into the Java value of its declared type: String, BigDecimal,
 * Boolean, LocalDate or Instant. HubSpot sends every property as a string, so strings are
 * read by the declared type. A value that does not fit its type becomes {@code null}.
 */
public final class ValueCoercion {

    private static final int MAX_SCALE = 64;

    private ValueCoercion() {}

    public static Object coerce(Object raw, FieldType type) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case STRING -> string(raw);
            case NUMBER -> number(raw);
            case BOOLEAN -> bool(raw);
            case DATE -> TimestampParser.date(raw);
            case DATETIME -> dateTime(raw);
        };
    }

    public static String string(Object raw) {
        return switch (raw) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> null;
        };
    }

    public static BigDecimal number(Object raw) {
        return switch (raw) {
            case BigDecimal d -> d;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger i -> new BigDecimal(i);
            case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            case Float f -> Float.isFinite(f) ? new BigDecimal(f.toString()) : null;
            case String s -> parseNumber(s.trim());
            default -> null;
        };
    }

    private static BigDecimal parseNumber(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        try {
            var value = new BigDecimal(text);
            // "1e999999999" is short but would expand to a billion digits once normalized.
            return Math.abs(value.scale()) > MAX_SCALE || value.precision() - value.scale() > MAX_SCALE ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(Object raw) {
        return switch (raw) {
            case Boolean b -> b;
            case String s when s.trim().equalsIgnoreCase("true") -> Boolean.TRUE;
            case String s when s.trim().equalsIgnoreCase("false") -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Instant dateTime(Object raw) {
        if (raw instanceof String s && TimestampParser.isDateOnly(s.trim())) {
            var date = TimestampParser.date(s);
            return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return TimestampParser.instant(raw);
    }
}
