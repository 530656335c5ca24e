package io.scoreline.pipeline.tenancy;

import io.scoreline.connectors.spi.ScorelineException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;

/** A validated request to create an organization; invalid input never reaches the database. */
public record NewOrganization(String slug, String name, ZoneId timezone, DayOfWeek weekStart) {

    private static final String SLUG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public static NewOrganization of(String slug, String name, String timezone, String weekStart) {
        return new NewOrganization(slug(slug), name(name), timezone(timezone), weekStart(weekStart));
    }

    static String slug(String value) {
        if (value == null || !value.matches(SLUG_PATTERN)) {
            throw ScorelineException.badInput("invalid slug '" + value
                    + "': use 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        }
        return value;
    }

    private static String name(String value) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput("the organization name must not be empty");
        }
        return value.strip();
    }

    /** Only IANA region ids: a fixed offset such as +02:00 would get daylight saving wrong. */
    static ZoneId timezone(String value) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
            throw ScorelineException.badInput("invalid timezone '" + value
                    + "': use an IANA time zone such as Europe/Berlin or America/New_York");
        }
        return ZoneId.of(value);
    }

    static DayOfWeek weekStart(String value) {
        if (value == null) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ScorelineException.badInput("invalid week start '" + value + "': use a day name such as monday or sunday");
        }
    }
}
