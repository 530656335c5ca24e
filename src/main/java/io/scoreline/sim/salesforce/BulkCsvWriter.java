package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import io.scoreline.sim.salesforce.soql.RecordView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Bulk API 2.0 result CSV: a header row, every value double-quoted, nulls as empty quoted values. */
final class BulkCsvWriter {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> DELIMITERS =
            Map.of("COMMA", ",", "TAB", "\t", "PIPE", "|", "SEMICOLON", ";", "CARET", "^", "BACKQUOTE", "`");

    private final String delimiter;
    private final String lineEnding;
    private final StringBuilder out = new StringBuilder();

    BulkCsvWriter(String columnDelimiter, String lineEnding) {
        this.delimiter = DELIMITERS.getOrDefault(columnDelimiter, ",");
        this.lineEnding = "CRLF".equals(lineEnding) ? "\r\n" : "\n";
    }

    static boolean knownDelimiter(String name) {
        return DELIMITERS.containsKey(name);
    }

    /** Column names as Salesforce writes them: canonical field names, parents as {@code Owner.Email}. */
    BulkCsvWriter header(SalesforceObject type, List<FieldPath> fields, SalesforceSchemaDrift drift) {
        line(fields.stream().map(path -> canonical(type, path, drift)).toList());
        return this;
    }

    BulkCsvWriter row(RecordView view, List<FieldPath> fields) {
        line(fields.stream().map(path -> text(view.value(path))).toList());
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void line(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
        }
        out.append(lineEnding);
    }

    private static String canonical(SalesforceObject type, FieldPath path, SalesforceSchemaDrift drift) {
        if (!path.isRelationship()) {
            return drift.field(type, path.parts().getFirst())
                    .map(SalesforceField::name)
                    .orElse(path.dotted());
        }
        SalesforceField lookup = type.relationship(path.parts().getFirst()).orElseThrow();
        SalesforceObject parent = SalesforceSchema.find(lookup.referenceTo()).orElseThrow();
        return lookup.relationshipName() + "."
                + drift.field(parent, path.parts().get(1)).orElseThrow().name();
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Instant instant -> DATETIME.format(instant);
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }
}
