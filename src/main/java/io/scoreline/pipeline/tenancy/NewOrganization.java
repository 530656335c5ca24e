package io.scoreline.pipeline.tenancy;

import io.scoreline.failure.ScorelineException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A validated request to create an organization; invalid input never reaches the database. The
 * canonical constructor checks too, so that no caller can bypass {@link #of}.
 */
public record NewOrganization(String slug, String name, ZoneId timezone, DayOfWeek weekStart) {

    private static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    /** In code points; the names are shown in tables and notifications, not stored as documents. */
    public static final int MAX_NAME_LENGTH = 200;

    public NewOrganization {
        slug(slug);
        name = name(name);
        if (timezone == null || weekStart == null) {
            throw ScorelineException.badInput("an organization needs a time zone and a week start");
        }
    }

    public static NewOrganization of(String slug, String name, String timezone, String weekStart) {
        return new NewOrganization(slug(slug), name(name), timezone(timezone), weekStart(weekStart));
    }

    public static String slug(String value) {
        if (value == null || !value.matches(SLUG_PATTERN)) {
            throw ScorelineException.badInput("invalid slug '" + value
                    + "': use 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        }
        return value;
    }

    /**
     * Control characters (an ESC sequence recolours or rewrites an operator's terminal), line
     * breaks and bidirectional overrides are refused, not stripped: the operator sees what was
     * wrong instead of a silently different name.
     */
    public static String name(String value) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput("the organization name must not be empty");
        }
        var name = value.strip();
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw ScorelineException.badInput("the organization name is " + length + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        name.codePoints().filter(NewOrganization::invisibleControl).findFirst().ifPresent(c -> {
            throw ScorelineException.badInput(
                    String.format("the organization name must not contain control characters (found U+%04X)", c));
        });
        return name;
    }

    private static boolean invisibleControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** Only IANA region ids: a fixed offset such as +02:00 would get daylight saving wrong. */
    public static ZoneId timezone(String value) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
            throw ScorelineException.badInput("invalid timezone '" + value
                    + "': use an IANA time zone such as Europe/Berlin or America/New_York");
        }
        return ZoneId.of(value);
    }

    public static DayOfWeek weekStart(String value) {
        if (value == null) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScorelineException.badInput(
                    "invalid week start '" + value + "': use a day name such as monday or sunday");
        }
    }
}
