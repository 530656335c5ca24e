package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.Operand;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Translates one atom of a negation-free condition into filter-group alternatives (a list of
 * groups, each a list of filters). An atom HubSpot cannot express becomes one empty group,
 * "true", which only widens the search.
 */
final class HubSpotFilterAtoms {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_]+");

    private HubSpotFilterAtoms() {}

    static List<List<HubSpotFilter>> of(Condition condition) {
        return switch (condition) {
            case Condition.Comparison comparison ->
                FieldComparison.of(comparison)
                        .filter(c -> isProperty(c.field()))
                        .map(HubSpotFilterAtoms::comparison)
                        .orElse(always());
            // Boolean lists (null counts as false) and sub-millisecond datetimes are rare enough to widen.
            case Condition.InList in ->
                in.operand() instanceof Operand.FieldRef field
                                && isProperty(field)
                                && field.type() != FieldType.BOOLEAN
                                && in.values().stream()
                                        .allMatch(v -> CoarseInstant.of(v, ChronoUnit.MILLIS)
                                                .isEmpty())
                        ? in(field, in)
                        : always();
            case Condition.Like like ->
                like.operand() instanceof Operand.FieldRef field && isProperty(field) && !like.negated()
                        ? one(HubSpotFilter.of(field.path(), HubSpotOperator.HAS_PROPERTY))
                        : always();
            case Condition.NullCheck check ->
                check.operand() instanceof Operand.FieldRef field && isProperty(field)
                        ? one(HubSpotFilter.of(
                                field.path(),
                                check.negated() ? HubSpotOperator.HAS_PROPERTY : HubSpotOperator.NOT_HAS_PROPERTY))
                        : always();
            case Condition.BooleanField field ->
                isProperty(field.field())
                        ? one(HubSpotFilter.of(field.field().path(), HubSpotOperator.EQ, "true"))
                        : always();
            case Condition.And and -> throw new IllegalStateException("not an atom");
            case Condition.Or or -> throw new IllegalStateException("not an atom");
            case Condition.Not not -> throw new IllegalStateException("negation left after normalization");
        };
    }

    private static List<List<HubSpotFilter>> comparison(FieldComparison c) {
        var name = c.field().path();
        var missing = HubSpotFilter.of(name, HubSpotOperator.NOT_HAS_PROPERTY);
        if (c.field().type() == FieldType.BOOLEAN) {
            boolean wantsTrue =
                    (c.operator() == ComparisonOperator.EQ) == ((Operand.BooleanLiteral) c.literal()).value();
            return wantsTrue
                    ? one(HubSpotFilter.of(name, HubSpotOperator.EQ, "true"))
                    : List.of(List.of(HubSpotFilter.of(name, HubSpotOperator.EQ, "false")), List.of(missing));
        }
        var coarse = CoarseInstant.of(c.literal(), ChronoUnit.MILLIS);
        if (coarse.isPresent()) {
            return coarse(name, c.operator(), coarse.get());
        }
        var value = value(c.literal());
        return switch (c.operator()) {
            case EQ -> one(HubSpotFilter.of(name, HubSpotOperator.EQ, value));
            case NE -> List.of(List.of(HubSpotFilter.of(name, HubSpotOperator.NEQ, value)), List.of(missing));
            // HubSpot's string ordering is not the rule language's case-insensitive order.
            default ->
                c.field().type() == FieldType.STRING
                        ? one(HubSpotFilter.of(name, HubSpotOperator.HAS_PROPERTY))
                        : one(HubSpotFilter.of(name, ordering(c.operator()), value));
        };
    }

    /** HubSpot filters on whole milliseconds: compare with the milliseconds around the literal. */
    private static List<List<HubSpotFilter>> coarse(String name, ComparisonOperator operator, CoarseInstant bounds) {
        var floor = String.valueOf(bounds.floor().toEpochMilli());
        var ceiling = String.valueOf(bounds.ceiling().toEpochMilli());
        return switch (operator) {
            case EQ ->
                List.of(List.of(
                        HubSpotFilter.of(name, HubSpotOperator.GTE, floor),
                        HubSpotFilter.of(name, HubSpotOperator.LTE, ceiling)));
            case NE -> always();
            case LT, LE -> one(HubSpotFilter.of(name, HubSpotOperator.LTE, ceiling));
            case GT, GE -> one(HubSpotFilter.of(name, HubSpotOperator.GTE, floor));
        };
    }

    private static List<List<HubSpotFilter>> in(Operand.FieldRef field, Condition.InList in) {
        var values = in.values().stream()
                .filter(v -> !(v instanceof Operand.NullLiteral))
                .map(v -> field.type() == FieldType.STRING ? value(v).toLowerCase(Locale.ROOT) : value(v))
                .distinct()
                .toList();
        boolean listsNull = in.values().stream().anyMatch(v -> v instanceof Operand.NullLiteral);
        var missing = List.of(HubSpotFilter.of(field.path(), HubSpotOperator.NOT_HAS_PROPERTY));
        if (in.negated()) {
            var notIn = values.isEmpty()
                    ? HubSpotFilter.of(field.path(), HubSpotOperator.HAS_PROPERTY)
                    : HubSpotFilter.of(field.path(), HubSpotOperator.NOT_IN, values);
            return listsNull ? one(notIn) : List.of(List.of(notIn), missing);
        }
        if (values.isEmpty()) {
            return List.of(missing);
        }
        var inFilter = List.of(HubSpotFilter.of(field.path(), HubSpotOperator.IN, values));
        return listsNull ? List.of(inFilter, missing) : List.of(inFilter);
    }

    private static HubSpotOperator ordering(ComparisonOperator operator) {
        return switch (operator) {
            case LT -> HubSpotOperator.LT;
            case LE -> HubSpotOperator.LTE;
            case GT -> HubSpotOperator.GT;
            case GE -> HubSpotOperator.GTE;
            case EQ -> HubSpotOperator.EQ;
            case NE -> HubSpotOperator.NEQ;
        };
    }

    static String value(Operand.Literal literal) {
        return switch (literal) {
            case Operand.StringLiteral s -> s.value();
            case Operand.NumberLiteral n -> n.value().toPlainString();
            case Operand.BooleanLiteral b -> String.valueOf(b.value());
            case Operand.DateLiteral d ->
                String.valueOf(
                        d.value().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            case Operand.DateTimeLiteral d -> String.valueOf(d.value().toEpochMilli());
            case Operand.NullLiteral n -> "";
        };
    }

    private static boolean isProperty(Operand.FieldRef field) {
        return PROPERTY.matcher(field.path()).matches();
    }

    private static List<List<HubSpotFilter>> one(HubSpotFilter filter) {
        return List.of(List.of(filter));
    }

    private static List<List<HubSpotFilter>> always() {
        return List.of(List.of());
    }
}
