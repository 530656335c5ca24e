package io.scoreline.mappings.pushdown;

import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.ast.Condition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Compiles the rules on one HubSpot object into search {@code filterGroups}: the conditions in
 * disjunctive normal form, each conjunction one group. Atoms HubSpot cannot express exactly are
 * widened (LIKE becomes HAS_PROPERTY, NOT LIKE is dropped) and {@code !=} / {@code NOT IN} also
 * admit records without the property, so the groups always select a superset of the matches.
 */
public final class HubSpotFilterCompiler {

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
                return new PushDown.NotPushable<>(
                        "rule " + rule.key() + " needs more than " + limits.maxGroups() + " filter groups");
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
                return new PushDown.NotPushable<>(
                        "a filter group of " + group.size() + " filters (limit " + limits.maxFiltersPerGroup() + ")");
            }
            total += group.size();
        }
        if (total > limits.maxFiltersTotal()) {
            return new PushDown.NotPushable<>(total + " filters (limit " + limits.maxFiltersTotal() + ")");
        }
        return new PushDown.Pushable<>(
                groups.stream().map(HubSpotFilterGroup::new).toList());
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
            default -> Optional.of(HubSpotFilterAtoms.of(condition));
        };
    }

    private Optional<List<List<HubSpotFilter>>> bounded(List<List<HubSpotFilter>> groups) {
        if (groups.stream().anyMatch(List::isEmpty)) {
            return Optional.of(List.of(List.of()));
        }
        var distinct = List.copyOf(new LinkedHashSet<>(groups));
        return distinct.size() > limits.maxGroups() ? Optional.empty() : Optional.of(distinct);
    }
}
