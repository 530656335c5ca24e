package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.ast.ComparisonOperator;
import io.scoreline.mappings.ast.Condition;
import io.scoreline.mappings.ast.Operand;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compiles the rules on one HubSpot object into search {@code filterGroups}: the conditions in
 * disjunctive normal form, each conjunction one group. Atoms HubSpot cannot express exactly are
 * widened (LIKE becomes HAS_PROPERTY, NOT LIKE is dropped) and {@code !=} / {@code NOT IN} also
 * admit records without the property, so the groups always select a superset of the matches.
 */
public final class HubSpotFilterCompiler {

    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_]+");

    private final HubSpotFilterLimits limits;

    public HubSpotFilterCompiler(HubSpotFilterLimits limits) {
        this.limits = limits;
    }

    public HubSpotFilterCompiler() {
        this(HubSpotFilterLimits.DEFAULT);
    }

    public PushDown<List<HubSpotFilterGroup>> compile(RuleSet ruleSet, String objectType) {
        var rules = ruleSet.rulesFor(objectType);
        if (rules.isEmpty()) {
            return new PushDown.NotPushable<>("no rule reads " + objectType);
        }
        var groups = new LinkedHashSet<List<HubSpotFilter>>();
        for (var rule : rules) {
            if (rule.definition().when().isEmpty()) {
                return new PushDown.MatchAll<>();
            }
            var dnf = dnf(NegationNormalForm.of(rule.definition().when().get()));
            if (dnf.isEmpty()) {
                return new PushDown.NotPushable<>("rule " + rule.key() + " needs more than " + limits.maxGroups()
                        + " filter groups");
            }
            groups.addAll(dnf.get());
        }
        if (groups.stream().anyMatch(List::isEmpty)) {
            return new PushDown.MatchAll<>();
        }
        return withinLimits(List.copyOf(groups));
    }

    private PushDown<List<HubSpotFilterGroup>> withinLimits(List<List<HubSpotFilter>> groups) {
        if (groups.size() > limits.maxGroups()) {
            return new PushDown.NotPushable<>(groups.size() + " filter groups (limit " + limits.maxGroups() + ")");
        }
        int total = 0;
        for (var group : groups) {
            if (group.size() > limits.maxFiltersPerGroup()) {
                return new PushDown.NotPushable<>("a filter group of " + group.size() + " filters (limit "
                        + limits.maxFiltersPerGroup() + ")");
            }
            total += group.size();
        }
        if (total > limits.maxFiltersTotal()) {
            return new PushDown.NotPushable<>(total + " filters (limit " + limits.maxFiltersTotal() + ")");
        }
        return new PushDown.Pushable<>(groups.stream().map(HubSpotFilterGroup::new).toList());
    }

    /** Alternatives of conjunctions; a conjunction without filters is "true"; empty when too many groups. */
    private Optional<List<List<HubSpotFilter>>> dnf(Condition condition) {
        return switch (condition) {
            case Condition.Or or -> {
                var groups = new ArrayList<List<HubSpotFilter>>();
                for (var term : or.terms()) {
                    var alternatives = dnf(term);
                    if (alternatives.isEmpty()) {
                        yield Optional.empty();
                    }
                    groups.addAll(alternatives.get());
                }
                yield bounded(groups);
            }
            case Condition.And and -> {
                List<List<HubSpotFilter>> groups = List.of(List.of());
                for (var term : and.terms()) {
                    var alternatives = dnf(term);
                    if (alternatives.isEmpty()) {
                        yield Optional.empty();
                    }
                    var product = new ArrayList<List<HubSpotFilter>>();
                    for (var left : groups) {
                        for (var right : alternatives.get()) {
                            var merged = new ArrayList<>(left);
                            right.stream().filter(f -> !merged.contains(f)).forEach(merged::add);
                            product.add(merged);
                        }
                    }
                    if (product.size() > limits.maxGroups()) {
                        yield Optional.empty();
                    }
                    groups = product;
                }
                yield Optional.of(groups);
            }
            default -> Optional.of(atom(condition));
        };
    }

    private Optional<List<List<HubSpotFilter>>> bounded(List<List<HubSpotFilter>> groups) {
        if (groups.stream().anyMatch(List::isEmpty)) {
            return Optional.of(always());
        }
        var distinct = List.copyOf(new LinkedHashSet<>(groups));
        return distinct.size() > limits.maxGroups() ? Optional.empty() : Optional.of(distinct);
    }

    private static List<List<HubSpotFilter>> atom(Condition condition) {
        return switch (condition) {
            case Condition.Comparison comparison -> FieldComparison.of(comparison)
                    .filter(c -> isProperty(c.field()))
                    .map(HubSpotFilterCompiler::comparison).orElse(always());
            case Condition.InList in -> in.operand() instanceof Operand.FieldRef field && isProperty(field)
                    ? in(field, in) : always();
            case Condition.Like like -> like.operand() instanceof Operand.FieldRef field && isProperty(field) && !like.negated()
                    ? one(HubSpotFilter.of(field.path(), HubSpotOperator.HAS_PROPERTY)) : always();
            case Condition.NullCheck check -> check.operand() instanceof Operand.FieldRef field && isProperty(field)
                    ? one(HubSpotFilter.of(field.path(), check.negated() ? HubSpotOperator.HAS_PROPERTY
                            : HubSpotOperator.NOT_HAS_PROPERTY)) : always();
            case Condition.BooleanField field -> isProperty(field.field())
                    ? one(HubSpotFilter.of(field.field().path(), HubSpotOperator.EQ, "true")) : always();
            case Condition.And and -> throw new IllegalStateException("not an atom");
            case Condition.Or or -> throw new IllegalStateException("not an atom");
            case Condition.Not not -> throw new IllegalStateException("negation left after normalization");
        };
    }

    private static List<List<HubSpotFilter>> comparison(FieldComparison c) {
        var name = c.field().path();
        var missing = HubSpotFilter.of(name, HubSpotOperator.NOT_HAS_PROPERTY);
        if (c.field().type() == FieldType.BOOLEAN) {
            boolean wantsTrue = (c.operator() == ComparisonOperator.EQ) == ((Operand.BooleanLiteral) c.literal()).value();
            return wantsTrue ? one(HubSpotFilter.of(name, HubSpotOperator.EQ, "true"))
                    : List.of(List.of(HubSpotFilter.of(name, HubSpotOperator.EQ, "false")), List.of(missing));
        }
        var value = value(c.literal());
        return switch (c.operator()) {
            case EQ -> one(HubSpotFilter.of(name, HubSpotOperator.EQ, value));
            case NE -> List.of(List.of(HubSpotFilter.of(name, HubSpotOperator.NEQ, value)), List.of(missing));
            // HubSpot's string ordering is not the rule language's case-insensitive order.
            default -> c.field().type() == FieldType.STRING ? one(HubSpotFilter.of(name, HubSpotOperator.HAS_PROPERTY))
                    : one(HubSpotFilter.of(name, ordering(c.operator()), value));
        };
    }

    private static List<List<HubSpotFilter>> in(Operand.FieldRef field, Condition.InList in) {
        var values = in.values().stream().filter(v -> !(v instanceof Operand.NullLiteral))
                .map(v -> field.type() == FieldType.STRING ? value(v).toLowerCase(Locale.ROOT) : value(v)).distinct().toList();
        boolean listsNull = in.values().stream().anyMatch(v -> v instanceof Operand.NullLiteral);
        var missing = List.of(HubSpotFilter.of(field.path(), HubSpotOperator.NOT_HAS_PROPERTY));
        if (in.negated()) {
            var notIn = values.isEmpty() ? HubSpotFilter.of(field.path(), HubSpotOperator.HAS_PROPERTY)
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
            case Operand.DateLiteral d -> String.valueOf(d.value().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
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
