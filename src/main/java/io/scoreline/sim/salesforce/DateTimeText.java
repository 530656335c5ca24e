package io.scoreline.sim.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The REST API's text for datetimes ({@code 2024-05-17T14:03:22.000+0000}, UTC, milliseconds truncated)
 * and dates ({@code 2024-05-17}), written into a caller's buffer. A query page formats a few of these
 * per row, and {@link DateTimeFormatter} costs more than the rest of the row together. Years outside
 * 1..9999 (signs, five digits, eras) are left to the formatters, which define the text.
 */
final class DateTimeText {

    /** Room for any instant, including the formatter's {@code +1000000000-...} extremes. */
    static final int MAX_LENGTH = 40;

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);
    private static final long FIRST_SECOND =
            Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_SECOND =
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private DateTimeText() {}

    static String dateTime(Instant instant) {
        char[] text = new char[MAX_LENGTH];
        return new String(text, 0, dateTime(instant, text));
    }

    /** @return the number of characters written from index 0 */
    static int dateTime(Instant instant, char[] into) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return copy(DATETIME.format(instant), into);
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        civilDate(days, into);
        into[10] = 'T';
        digits(secondOfDay / 3600, 2, into, 11);
        into[13] = ':';
        digits(secondOfDay / 60 % 60, 2, into, 14);
        into[16] = ':';
        digits(secondOfDay % 60, 2, into, 17);
        into[19] = '.';
        digits(instant.getNano() / 1_000_000, 3, into, 20);
        into[23] = '+';
        into[24] = '0';
        into[25] = '0';
        into[26] = '0';
        into[27] = '0';
        return 28;
    }

    /** @return the number of characters written from index 0 */
    static int date(LocalDate date, char[] into) {
        int year = date.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return copy(date.toString(), into);
        }
        digits(year, 4, into, 0);
        into[4] = '-';
        digits(date.getMonthValue(), 2, into, 5);
        into[7] = '-';
        digits(date.getDayOfMonth(), 2, into, 8);
        return 10;
    }

    /**
     * {@code yyyy-MM-dd} of a day counted from 1970-01-01, by Howard Hinnant's days-to-civil algorithm
     * (eras of 400 years starting on March 1st), to stay free of allocation.
     */
    private static void civilDate(long epochDay, char[] into) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        digits(year, 4, into, 0);
        into[4] = '-';
        digits(month, 2, into, 5);
        into[7] = '-';
        digits(day, 2, into, 8);
    }

    private static void digits(int value, int width, char[] into, int at) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static int copy(String text, char[] into) {
        text.getChars(0, text.length(), into, 0);
        return text.length();
    }
}
