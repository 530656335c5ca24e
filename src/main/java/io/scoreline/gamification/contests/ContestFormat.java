package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a contest decides its result (ADR 0045): {@link #STANDARD} ranks by score, {@link #RACE} by
 * who reached the target first, {@link #HEAD_TO_HEAD} ranks by score but decides each pair apart.
 */
public enum ContestFormat {
    STANDARD("standard"),
    RACE("race"),
    HEAD_TO_HEAD("head_to_head");

    private final String key;

    ContestFormat(String key) {
        this.key = key;
    }

    /** The value of {@code contests.format} and of {@code --format}. */
    public String key() {
        return key;
    }

    public static ContestFormat fromKey(String key) {
        for (var format : values()) {
            if (format.key.equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown contest format '" + key + "'");
    }

    /** {@code --format} as the caller spelled it; {@code field} names it in the message. */
    public static ContestFormat parse(String value, String field) {
        if (value == null) {
            return STANDARD;
        }
        var text = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (var format : values()) {
            if (format.key.equals(text)) {
                return format;
            }
        }
        throw ScorelineException.badInput(field + " must be one of "
                + Arrays.stream(values()).map(ContestFormat::key).collect(Collectors.joining(", ")) + ", got '" + value
                + "'");
    }
}
