package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;

/**
 * Team and display names as the CLI prints them: stripped, 1-200 code points, no control
 * characters, line breaks or bidirectional overrides (an ESC sequence would reach the operator's
 * terminal). Refused, not stripped, so the caller sees what was wrong.
 */
final class PrintableName {

    static final int MAX_LENGTH = 200;

    private PrintableName() {}

    static String of(String what, String value) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput("the " + what + " must not be empty");
        }
        var name = value.strip();
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw ScorelineException.badInput(
                    "the " + what + " is " + length + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        name.codePoints().filter(PrintableName::invisibleControl).findFirst().ifPresent(c -> {
            throw ScorelineException.badInput(
                    String.format("the %s must not contain control characters (found U+%04X)", what, c));
        });
        return name;
    }

    /** A CRM's name made printable: control characters become spaces, the rest is cut to the limit. */
    static String lenient(String value) {
        var cleaned = new StringBuilder();
        value.strip()
                .codePoints()
                .limit(MAX_LENGTH)
                .forEach(c -> cleaned.appendCodePoint(invisibleControl(c) ? ' ' : c));
        var name = cleaned.toString().strip();
        return name.isEmpty() ? "(unnamed)" : name;
    }

    private static boolean invisibleControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
