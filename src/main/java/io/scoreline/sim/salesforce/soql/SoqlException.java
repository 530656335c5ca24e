package io.scoreline.sim.salesforce.soql;

/**
 * A query Salesforce would reject, with the error code of its REST envelope and the zero-based
 * character offset the error points at.
 */
public final class SoqlException extends RuntimeException {

    private final String errorCode;
    private final int position;

    public SoqlException(String errorCode, String message, int position) {
        super(message);
        this.errorCode = errorCode;
        this.position = position;
    }

    public String errorCode() {
        return errorCode;
    }

    public int position() {
        return position;
    }

    /** The message as Salesforce writes it: the query, a caret under the offending token, row and column. */
    public String describe(String soql) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, soql.length()); i++) {
            if (soql.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int lineEnd = soql.indexOf('\n', lineStart);
        String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
        int column = position - lineStart + 1;
        return "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + getMessage();
    }
}
