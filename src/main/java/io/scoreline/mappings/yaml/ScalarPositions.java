package io.scoreline.mappings.yaml;

/**
 * Finds the document line and column of every character of a scalar's value, so that an
 * expression parsed from the value can point at its place in the file. SnakeYAML gives only
 * where a scalar starts and ends; this walks the source between the two marks, past quote
 * escapes and the line breaks a multi-line value is folded at, as SnakeYAML itself did.
 */
final class ScalarPositions {

    private final String source;
    private final int end;
    private final int[] lines;
    private final int[] columns;
    private int at;
    private int line;
    private int column;

    private ScalarPositions(String source, int start, int end, int line, int column, int length) {
        this.source = source;
        this.at = start;
        this.end = end;
        this.line = line;
        this.column = column;
        this.lines = new int[length];
        this.columns = new int[length];
    }

    /**
     * @param start  index in {@code source} of the scalar's first character (its opening quote, if quoted)
     * @param end    index just past its last character
     * @param line   1-based line of {@code start}
     * @param column 1-based column of {@code start}
     */
    static YamlScalar scalar(
            String source, int start, int end, int line, int column, String value, YamlScalar.Style style) {
        var walk = new ScalarPositions(source, start, end, line, column, value.length());
        if (style != YamlScalar.Style.PLAIN) {
            walk.advance();
        }
        for (int i = 0; i < value.length(); i++) {
            walk.place(value, i, style);
        }
        return new YamlScalar(value, style, line, column, walk.lines, walk.columns);
    }

    private void place(String value, int index, YamlScalar.Style style) {
        char c = value.charAt(index);
        if (style == YamlScalar.Style.DOUBLE_QUOTED && current() == '\\') {
            skipEscapedLineBreaks();
        }
        if (Character.isLowSurrogate(c) && index > 0 && Character.isHighSurrogate(value.charAt(index - 1))) {
            // The second half of one code point (one source character or one escape): the same place.
            lines[index] = lines[index - 1];
            columns[index] = columns[index - 1];
            if (current() == c) {
                advance();
            }
            return;
        }
        if (style == YamlScalar.Style.DOUBLE_QUOTED && current() == '\\') {
            mark(index);
            skip(escapeLength());
            return;
        }
        if (style == YamlScalar.Style.SINGLE_QUOTED && c == '\'' && current() == '\'') {
            mark(index);
            skip(2);
            return;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            // A space or line break of the value: either written as such, or where a line was folded.
            mark(index);
            if (current() == c) {
                advance();
            }
            return;
        }
        while (at < end && current() != c && isWhitespace(current())) {
            advance();
        }
        mark(index);
        advance();
    }

    private void mark(int index) {
        lines[index] = line;
        columns[index] = column;
    }

    private void skipEscapedLineBreaks() {
        while (current() == '\\' && at + 1 < end && isLineBreak(source.charAt(at + 1))) {
            advance();
            advance();
            while (at < end && (current() == ' ' || current() == '\t')) {
                advance();
            }
        }
    }

    private int escapeLength() {
        if (at + 1 >= end) {
            return 1;
        }
        return switch (source.charAt(at + 1)) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    private void skip(int count) {
        for (int i = 0; i < count && at < end; i++) {
            advance();
        }
    }

    private char current() {
        return at < end ? source.charAt(at) : '\0';
    }

    private void advance() {
        if (at >= source.length()) {
            column++;
            return;
        }
        char c = source.charAt(at++);
        if (c == '\r' && at < source.length() && source.charAt(at) == '\n') {
            at++;
            line++;
            column = 1;
        } else if (isLineBreak(c)) {
            line++;
            column = 1;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || isLineBreak(c);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
