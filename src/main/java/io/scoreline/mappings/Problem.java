package io.scoreline.mappings;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about a rule document, at a 1-based line and column of the source text.
 *
 * @param line     1-based line in the document
 * @param column   1-based column in the document
 * @param severity error (the document is rejected) or warning (it compiles)
 * @param message  one line, naming the offending key or field
 */
public record Problem(int line, int column, Severity severity, String message) {

    /** Document order: the order an operator reads the problems in. */
    public static final Comparator<Problem> IN_DOCUMENT_ORDER =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(int line, int column, String message) {
        return new Problem(line, column, Severity.ERROR, message);
    }

    public static Problem warning(int line, int column, String message) {
        return new Problem(line, column, Severity.WARNING, message);
    }

    /** The compiler-style line the CLI prints: {@code FILE:LINE:COL: message}. */
    public String format(String fileName) {
        var prefix = severity == Severity.WARNING ? "warning: " : "";
        return fileName + ":" + line + ":" + column + ": " + prefix + message;
    }

    public enum Severity {
        ERROR,
        WARNING
    }
}
