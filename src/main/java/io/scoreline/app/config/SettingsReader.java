package io.scoreline.app.config;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads named settings (environment variables) and rejects bad values with a message that
 * names the setting, so that a wrong value stops start-up instead of surfacing later. It also
 * remembers which settings it was asked for and with which default ({@link #settingsRead}).
 */
final class SettingsReader {

    private final Map<String, String> values;
    private final Map<String, Setting> read = new LinkedHashMap<>();

    SettingsReader(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Every setting read so far, in the order first read, with its default. */
    List<Setting> settingsRead() {
        return List.copyOf(read.values());
    }

    /**
     * How the default of {@code name} is described, for a default that is computed (from the machine,
     * another setting or whether the database is embedded) rather than a fixed value. Call it before
     * the setting is read.
     */
    SettingsReader defaultShownAs(String name, String description) {
        read.putIfAbsent(name, new Setting(name, description));
        return this;
    }

    Optional<String> text(String name) {
        read.putIfAbsent(name, new Setting(name, Setting.NO_DEFAULT));
        return raw(name);
    }

    /** A text setting with a fixed default. */
    String text(String name, String defaultValue) {
        read.putIfAbsent(name, new Setting(name, defaultValue));
        return raw(name).orElse(defaultValue);
    }

    private Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private void recordDefault(String name, Object defaultValue) {
        read.putIfAbsent(name, new Setting(name, shown(defaultValue)));
    }

    /** A duration of whole days reads as {@code P7D}, not {@code PT168H}; both parse. */
    private static String shown(Object defaultValue) {
        if (defaultValue instanceof Duration d
                && d.toSecondsPart() == 0
                && d.toNanosPart() == 0
                && d.toHoursPart() == 0
                && d.toMinutesPart() == 0
                && d.toDays() > 0) {
            return "P" + d.toDays() + "D";
        }
        return String.valueOf(defaultValue);
    }

    int integer(String name, int defaultValue, int min, int max) {
        recordDefault(name, defaultValue);
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ScorelineException.badInput(
                name + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
    }

    /** A long whole number in [min, max], e.g. a record count. */
    long wholeNumber(String name, long defaultValue, long min, long max) {
        recordDefault(name, defaultValue);
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get().replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ScorelineException.badInput(
                name + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
    }

    /** A share such as 0.5: more than 0 and at most 1. */
    double fraction(String name, double defaultValue) {
        recordDefault(name, defaultValue);
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (value > 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ScorelineException.badInput(
                name + " must be a fraction more than 0 and at most 1 (e.g. 0.5), got '" + raw.get() + "'");
    }

    /** An ISO-8601 duration such as PT1H or PT5M. */
    Duration duration(String name, Duration defaultValue) {
        recordDefault(name, defaultValue);
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            var value = Duration.parse(raw.get().toUpperCase(Locale.ROOT));
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // reported below with an example
        }
        throw ScorelineException.badInput(
                name + " must be a positive ISO-8601 duration such as PT1H or PT5M, got '" + raw.get() + "'");
    }

    boolean bool(String name, boolean defaultValue) {
        recordDefault(name, defaultValue);
        var raw = raw(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw ScorelineException.badInput(name + " must be true or false, got '" + raw.get() + "'");
        };
    }
}
