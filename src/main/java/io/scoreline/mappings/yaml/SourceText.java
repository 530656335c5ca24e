package io.scoreline.mappings.yaml;

import org.yaml.snakeyaml.error.Mark;

/**
 * The document text with SnakeYAML's marks translated into it: a mark counts code points, a
 * Java string counts UTF-16 units, and the two differ after any character outside the BMP.
 */
final class SourceText {

    private final String text;
    /** Char index of each code point, or {@code null} when the two are the same. */
    private final int[] charIndexes;

    SourceText(String text) {
        this.text = text;
        this.charIndexes = text.length() == text.codePointCount(0, text.length())
                ? null
                : text.codePoints()
                        .map(new java.util.function.IntUnaryOperator() {
                            private int next;

                            @Override
                            public int applyAsInt(int codePoint) {
                                int at = next;
                                next += Character.charCount(codePoint);
                                return at;
                            }
                        })
                        .toArray();
    }

    String text() {
        return text;
    }

    int charIndex(Mark mark) {
        int codePoints = mark == null ? 0 : Math.max(0, mark.getIndex());
        if (charIndexes == null) {
            return Math.min(codePoints, text.length());
        }
        return codePoints < charIndexes.length ? charIndexes[codePoints] : text.length();
    }

    /** The character a mark points at ({@code '\0'} past the end). */
    char charAt(Mark mark) {
        int index = charIndex(mark);
        return index < text.length() ? text.charAt(index) : '\0';
    }
}
