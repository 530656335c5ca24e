package io.scoreline.mappings.yaml;

/**
 * A scalar with the source column of each of its characters, so that an expression parsed
 * from it can report errors at their place in the document even after quote escapes.
 */
public record YamlScalar(String value, Style style, int line, int column, int[] columns) implements YamlNode {

    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED }

    /** The 1-based document column of the character at {@code index} of {@link #value()}. */
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
