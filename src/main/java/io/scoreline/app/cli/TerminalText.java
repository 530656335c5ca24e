package io.scoreline.app.cli;

/**
 * Text made safe to print on an operator's terminal. Names and messages can come from a hostile
 * user or a CRM: an ESC sequence could recolour, hide or rewrite what the operator sees, and a
 * bidirectional override could reverse it. Such characters are shown as visible escapes
 * ({@code \x1b}, {@code \u202e}) instead; JSON output needs none of this, as JSON escapes them.
 */
public final class TerminalText {

    private TerminalText() {}

    /** For a table cell or an error line: every control character is escaped, line breaks too. */
    public static String cell(String text) {
        return escape(text, false);
    }

    /** For a line of text a command composed itself: its own line breaks stay. */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null || text.codePoints().noneMatch(c -> unsafe(c, keepLineBreaks))) {
            return text;
        }
        var safe = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!unsafe(c, keepLineBreaks)) {
                safe.appendCodePoint(c);
            } else if (c <= 0xff) {
                safe.append(String.format("\\x%02x", c));
            } else {
                safe.append(String.format("\\u%04x", c));
            }
        });
        return safe.toString();
    }

    private static boolean unsafe(int c, boolean keepLineBreaks) {
        if (keepLineBreaks && c == '\n') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL
                || c == 0x2028
                || c == 0x2029 // line and paragraph separators
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) // bidirectional embeddings, overrides, isolates
                || c == 0x200e
                || c == 0x200f
                || c == 0x061c; // directional marks
    }
}
