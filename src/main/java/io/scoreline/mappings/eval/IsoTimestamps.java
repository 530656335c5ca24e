package io.scoreline.mappings.eval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)} without the general-purpose
 * java.time parser, which costs more than the rest of a rule's evaluation put together. Every
 * fact's date goes through here. Returns {@code null} for anything else, and the caller falls
 * back to the general parser.
 */
final class IsoTimestamps {

    private static final int[] NANO_SCALE = {
        1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private IsoTimestamps() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            int fraction = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    fraction = fraction * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = Math.min(i - start, 9);
            if (count == 0) {
                return null;
            }
            nanos = fraction * NANO_SCALE[count];
        }
        int offset = offsetSeconds(s, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            return 0;
        }
        if (i >= n || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
            return Integer.MIN_VALUE;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        int hours;
        int minutes;
        if (n - i == 6 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 4, 2);
        } else if (n - i == 5) {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 3, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        return sign * (hours * 3_600 + minutes * 60);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
