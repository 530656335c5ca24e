package io.scoreline.app.cli;

import io.scoreline.failure.ScorelineException;

/**
 * Numeric options with the range a command can honour: a value outside it is a usage error
 * naming the option, before anything starts (an overflow or a port the OS refuses would
 * otherwise surface later as an internal error).
 */
public final class RangeOption {

    static final int MAX_PORT = 65_535;

    private RangeOption() {}

    public static long check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw ScorelineException.badInput(option + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    public static int check(String option, int value, int min, int max) {
        return (int) check(option, (long) value, min, max);
    }

    /** Also refuses NaN and the infinities, which compare as neither smaller nor larger. */
    public static double check(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw ScorelineException.badInput(
                    option + " must be a number from " + plain(min) + " to " + plain(max) + ", got " + value);
        }
        return value;
    }

    public static void port(String option, Integer value) {
        if (value != null) {
            check(option, value, 0, MAX_PORT);
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
