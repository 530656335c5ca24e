package io.scoreline.mappings.eval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads the timestamp spellings the CRMs send: Salesforce's {@code 2024-05-17T14:03:22.000+0000},
 * ISO-8601 with {@code Z} or an offset, and HubSpot's epoch milliseconds (as a number or a
 * digit string). Returns {@code null} for anything else rather than throwing, because a bad
 * value in one record must only cost that record's fact.
 */
public final class TimestampParser {

    private TimestampParser() {}

    public static Instant instant(Object raw) {
        return switch (raw) {
            case null -> null;
            case Number number -> Instant.ofEpochMilli(number.longValue());
            case String text -> instant(text.trim());
            default -> null;
        };
    }

    /** A date-only value: {@code YYYY-MM-DD}, or epoch millis / a datetime taken in UTC (HubSpot date properties). */
    public static LocalDate date(Object raw) {
        if (raw instanceof String text && isDateOnly(text.trim())) {
            return parseDate(text.trim());
        }
        var instant = instant(raw);
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    public static boolean isDateOnly(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (isDigits(text)) {
            return text.length() > 18 ? null : Instant.ofEpochMilli(Long.parseLong(text));
        }
        return isoInstant(text);
    }

    /**
     * An ISO-8601 datetime with {@code Z} or an offset, with or without a colon in it (Salesforce's
     * {@code 2024-05-17T14:03:22.000+0000}); {@code null} for anything else, epoch digits included.
     */
    public static Instant isoInstant(String text) {
        var fast = IsoTimestamps.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(withColonInOffset(text)).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Salesforce writes offsets as {@code +0000}; ISO parsing wants {@code +00:00}. */
    private static String withColonInOffset(String text) {
        int n = text.length();
        if (n > 5
                && (text.charAt(n - 5) == '+' || text.charAt(n - 5) == '-')
                && isDigits(text.substring(n - 4))
                && text.indexOf('T') > 0) {
            return text.substring(0, n - 2) + ":" + text.substring(n - 2);
        }
        return text;
    }
}
