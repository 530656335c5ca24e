package io.scoreline.gamification.badges;

/** One problem of a badge catalog, at a 1-based line and column. */
public record CatalogProblem(int line, int column, String message) {

    /** The compiler-style line the CLI prints, as for mapping rules: {@code FILE:LINE:COL: message}. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": " + message;
    }
}
