package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.Condition;
import io.scoreline.sim.salesforce.soql.FieldPath;
import io.scoreline.sim.salesforce.soql.Literal;
import io.scoreline.sim.salesforce.soql.SoqlException;
import io.scoreline.sim.salesforce.soql.SoqlQuery;
import java.util.List;

/** Checks a parsed query against the schema: INVALID_TYPE for unknown objects, INVALID_FIELD otherwise. */
final class SoqlValidator {

    private SoqlValidator() {}

    static SalesforceObject validate(SoqlQuery query, SalesforceSchemaDrift drift) {
        SalesforceObject type = SalesforceSchema.find(query.from())
                .orElseThrow(() -> new SoqlException(
                        "INVALID_TYPE",
                        "sObject type '" + query.from()
                                + "' is not supported. If you are attempting to use a custom object,"
                                + " be sure to append the '__c' after the entity name. Please reference your WSDL or the"
                                + " describe call for the appropriate names.",
                        query.fromPosition()));
        query.fields().forEach(path -> field(type, path, drift));
        query.orderBy().forEach(item -> field(type, item.field(), drift));
        query.where().ifPresent(condition -> check(type, condition, drift));
        return type;
    }

    static SalesforceField field(SalesforceObject type, FieldPath path, SalesforceSchemaDrift drift) {
        if (path.parts().size() > 2) {
            throw noSuchColumn(type, path);
        }
        if (!path.isRelationship()) {
            return drift.field(type, path.parts().getFirst()).orElseThrow(() -> noSuchColumn(type, path));
        }
        SalesforceField lookup = type.relationship(path.parts().getFirst())
                .orElseThrow(() -> new SoqlException(
                        "INVALID_FIELD",
                        "Didn't understand relationship '" + path.parts().getFirst() + "' in field path. If"
                                + " you are attempting to use a custom relationship, be sure to append the '__r' after the"
                                + " custom relationship name. Please reference your WSDL or the describe call for the"
                                + " appropriate names.",
                        path.position()));
        SalesforceObject parent = SalesforceSchema.find(lookup.referenceTo()).orElseThrow();
        return drift.field(parent, path.parts().get(1)).orElseThrow(() -> noSuchColumn(parent, path));
    }

    private static void check(SalesforceObject type, Condition condition, SalesforceSchemaDrift drift) {
        switch (condition) {
            case Condition.And and -> and.terms().forEach(term -> check(type, term, drift));
            case Condition.Or or -> or.terms().forEach(term -> check(type, term, drift));
            case Condition.Not not -> check(type, not.term(), drift);
            case Condition.Comparison comparison ->
                literalFits(field(type, comparison.field(), drift), comparison.field(), List.of(comparison.value()));
            case Condition.In in -> literalFits(field(type, in.field(), drift), in.field(), in.values());
            case Condition.Like like -> {
                SalesforceField field = field(type, like.field(), drift);
                if (!field.type().textual()) {
                    throw new SoqlException(
                            "INVALID_FIELD",
                            "invalid operator on " + field.type().describeName() + " field: LIKE",
                            like.field().position());
                }
            }
        }
    }

    private static void literalFits(SalesforceField field, FieldPath path, List<Literal> literals) {
        for (Literal literal : literals) {
            boolean fits = switch (literal) {
                case Literal.Null n -> true;
                case Literal.Text t -> field.type().textual();
                case Literal.Number n -> field.type().numeric();
                case Literal.Bool b -> field.type() == SalesforceFieldType.BOOLEAN;
                case Literal.Date d -> field.type() == SalesforceFieldType.DATE;
                case Literal.DateTime d -> field.type() == SalesforceFieldType.DATETIME;
                case Literal.RelativeDate r ->
                    field.type() == SalesforceFieldType.DATE || field.type() == SalesforceFieldType.DATETIME;
            };
            if (!fits) {
                String quoting = field.type().textual()
                        ? " and should be enclosed in quotes"
                        : " and should not be enclosed in quotes";
                throw new SoqlException(
                        "INVALID_FIELD",
                        "value of filter criterion for field '" + field.name() + "' must be of type "
                                + expected(field.type()) + quoting,
                        path.position());
            }
        }
    }

    private static String expected(SalesforceFieldType type) {
        return switch (type) {
            case DATETIME -> "dateTime";
            case INT, DOUBLE, CURRENCY, PERCENT -> "double";
            default -> type.describeName();
        };
    }

    private static SoqlException noSuchColumn(SalesforceObject type, FieldPath path) {
        String name = path.parts().getLast();
        return new SoqlException(
                "INVALID_FIELD",
                "No such column '" + name + "' on entity '" + type.name()
                        + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field"
                        + " name. Please reference your WSDL or the describe call for the appropriate names.",
                path.position());
    }
}
