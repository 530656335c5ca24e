package io.scoreline.mappings.check;

/** Reads SOQL-style string literals. */
final class StringLiterals {

    private StringLiterals() {}

    /**
     * The value of a quoted literal. {@code \%} and {@code \_} keep their backslash, as in SOQL,
     * where they only mean something inside LIKE patterns (which are read separately).
     */
    static String unescape(String quoted) {
        var body = quoted.substring(1, quoted.length() - 1);
        var out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '%', '_' -> out.append('\\').append(next);
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** The body of a quoted literal, escapes untouched. */
    static String body(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
