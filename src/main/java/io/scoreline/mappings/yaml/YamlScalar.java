package io.scoreline.mappings.yaml;

/**
 * A scalar with the source line and column of each of its characters, so that an expression
 * parsed from it can report errors at their place in the document, even after quote escapes
 * or when the value is folded from several lines.
 */
public record YamlScalar(String value, Style style, int line, int column, int[] lines, int[] columns)
        implements YamlNode {

    public enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED
    }

    /** A scalar on one line, its characters at the given columns. */
    static YamlScalar onOneLine(String value, Style style, int line, int column, int[] columns) {
        var lines = new int[columns.length];
        java.util.Arrays.fill(lines, line);
        return new YamlScalar(value, style, line, column, lines, columns);
    }

    /** The 1-based document line of the character at {@code index} of {@link #value()} (or just past its end). */
    public int lineOf(int index) {
        return lines.length == 0 ? line : lines[Math.clamp(index, 0, lines.length - 1)];
    }

    /** The 1-based document column of the character at {@code index} of {@link #value()} (or just past its end). */
    public int columnOf(int index) {
        if (columns.length == 0) {
            return column;
        }
        if (index >= columns.length) {
            return columns[columns.length - 1] + 1;
        }
        return columns[Math.max(index, 0)];
    }

    public boolean isBlank() {
        return value.isBlank();
    }
}
