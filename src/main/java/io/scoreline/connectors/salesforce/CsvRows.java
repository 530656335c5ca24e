package io.scoreline.connectors.salesforce;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 CSV as Bulk API 2.0 writes it (comma, LF or CRLF, quoted values with doubled
 * quotes, line breaks inside quotes) one row at a time from a chunk held as text, so that a
 * 25,000-row chunk becomes pages without a second copy of the chunk.
 */
final class CsvRows {

    private final String text;
    private int position;

    CsvRows(String text) {
        this.text = text == null ? "" : text;
    }

    /** The next row's values, or empty at the end; {@code ""} for an empty value (Salesforce's null). */
    Optional<List<String>> next() {
        if (position >= text.length()) {
            return Optional.empty();
        }
        var values = new ArrayList<String>();
        var value = new StringBuilder();
        boolean quoted = false;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quoted) {
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        value.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                values.add(value.toString());
                return Optional.of(values);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "malformed Salesforce bulk result: a quoted value never ends");
        }
        values.add(value.toString());
        return Optional.of(values);
    }
}
