package io.scoreline.connectors.salesforce;

import io.scoreline.failure.SchemaMismatch;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which query errors mean that the org no longer has an object or field the rules read (deleted or
 * renamed in Salesforce). The error code decides; the message only supplies the names, because
 * Salesforce puts them nowhere else ({@code fields} of the error is empty for queries).
 * {@code INVALID_FIELD} also reports a literal of the wrong type, which is not drift and stays
 * bad input.
 */
final class SalesforceSchemaErrors {

    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)' on entity '([^']+)'");
    private static final Pattern NO_RELATIONSHIP = Pattern.compile("Didn't understand relationship '([^']+)'");
    private static final Pattern NO_TYPE = Pattern.compile("sObject type '([^']+)' is not supported");

    private SalesforceSchemaErrors() {}

    static Optional<SchemaMismatch> missing(String code, String message, String text, Throwable cause) {
        return switch (code) {
            case "INVALID_TYPE" -> {
                var type = NO_TYPE.matcher(message);
                yield Optional.of(new SchemaMismatch(
                        type.find() ? Optional.of(type.group(1)) : Optional.empty(), Optional.empty(), text, cause));
            }
            case "INVALID_FIELD" -> {
                var column = NO_SUCH_COLUMN.matcher(message);
                if (column.find()) {
                    yield Optional.of(new SchemaMismatch(
                            Optional.of(column.group(2)), Optional.of(column.group(1)), text, cause));
                }
                var relationship = NO_RELATIONSHIP.matcher(message);
                yield relationship.find()
                        ? Optional.of(
                                new SchemaMismatch(Optional.empty(), Optional.of(relationship.group(1)), text, cause))
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }
}
