package io.scoreline.mappings.check;

import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.ast.KpiKind;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.yaml.YamlEmpty;
import io.scoreline.mappings.yaml.YamlEntry;
import io.scoreline.mappings.yaml.YamlMapping;
import io.scoreline.mappings.yaml.YamlNode;
import io.scoreline.mappings.yaml.YamlScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the {@code derived:} section (ADR 0042): each entry becomes a {@link KpiMeasure} whose
 * inputs are additive rules of the same document, so formulas never nest or loop. Every entry is
 * checked even when another is bad, with one message per problem at its token.
 */
final class DerivedKpiChecker {

    static final List<String> KINDS = List.of("ratio", "average", "distinct", "weighted", "scorecard");
    static final List<String> OPTIONS = List.of("unit", "min_denominator", "min_facts");
    private static final List<String> KEYS =
            java.util.stream.Stream.concat(KINDS.stream(), OPTIONS.stream()).toList();
    private static final List<String> RATIO_KEYS = List.of("numerator", "denominator");
    private static final List<String> LINE_KEYS = List.of("points", "cap_per_day");

    /** A ratio may be in any unit (a rate in percent, revenue per deal in currency); points and distinct values are counted. */
    private static final Map<String, Set<KpiUnit>> UNITS = Map.of(
            "ratio", EnumSet.allOf(KpiUnit.class),
            "average", EnumSet.of(KpiUnit.COUNT, KpiUnit.CURRENCY, KpiUnit.MINUTES),
            "weighted", EnumSet.of(KpiUnit.COUNT, KpiUnit.CURRENCY, KpiUnit.MINUTES),
            "distinct", EnumSet.of(KpiUnit.COUNT),
            "scorecard", EnumSet.of(KpiUnit.COUNT));

    private final Map<String, YamlScalar> ruleKeys;
    private final Map<String, KpiDefinition> rules;
    private final ProblemSink problems;
    private final Set<String> derivedKeys = new HashSet<>();

    /**
     * @param ruleKeys every key written under {@code kpis:}, checked or not (a reference to a rule
     *     with its own errors is not also reported as unknown)
     * @param rules    the rules that checked clean
     */
    DerivedKpiChecker(Map<String, YamlScalar> ruleKeys, List<KpiDefinition> rules, ProblemSink problems) {
        this.ruleKeys = ruleKeys;
        this.rules =
                rules.stream().collect(Collectors.toMap(KpiDefinition::key, r -> r, (a, b) -> a, LinkedHashMap::new));
        this.problems = problems;
    }

    List<KpiMeasure> check(YamlEntry section) {
        var entries = switch (section.value()) {
            case YamlMapping mapping -> mapping.entries();
            case YamlEmpty empty -> List.<YamlEntry>of();
            case YamlScalar scalar when scalar.isBlank() -> List.<YamlEntry>of();
            case YamlScalar scalar -> {
                error(scalar, "'derived' must map KPI keys to formulas, e.g. connect_rate: { ratio: a / b }");
                yield List.<YamlEntry>of();
            }
        };
        if (entries.size() > RuleDocumentChecker.MAX_KPIS) {
            error(section.key(), "more than " + RuleDocumentChecker.MAX_KPIS + " derived KPIs");
            return List.of();
        }
        entries.forEach(e -> derivedKeys.add(e.key().value()));
        var measures = new ArrayList<KpiMeasure>();
        for (var entry : entries) {
            one(entry).ifPresent(measures::add);
        }
        return measures;
    }

    private Optional<KpiMeasure> one(YamlEntry entry) {
        var key = entry.key();
        int errorsBefore = problems.errorCount();
        if (!KpiRuleChecker.KPI_KEY.matcher(key.value()).matches()) {
            error(key, "KPI key '" + key.value() + "' must be lower_snake_case (letters, digits, _; at most 63)");
        }
        var rule = ruleKeys.get(key.value());
        if (rule != null) {
            error(
                    key,
                    "derived KPI '" + key.value() + "' has the key of the rule at line " + rule.line()
                            + "; a key names one KPI");
        }
        if (!(entry.value() instanceof YamlMapping body) || body.entries().isEmpty()) {
            error(key, "derived KPI '" + key.value() + "' needs a formula: one of " + String.join(", ", KINDS));
            return Optional.empty();
        }
        YamlEntry kind = null;
        boolean unknown = false;
        var options = new LinkedHashMap<String, YamlEntry>();
        for (var part : body.entries()) {
            var name = part.key().value().toLowerCase(Locale.ROOT);
            if (KINDS.contains(name) && kind != null) {
                error(
                        part.key(),
                        "derived KPI '" + key.value() + "' has two formulas ('"
                                + kind.key().value() + "' and '" + part.key().value() + "'); keep one");
            } else if (KINDS.contains(name)) {
                kind = part;
            } else if (OPTIONS.contains(name)) {
                options.put(name, part);
            } else {
                error(
                        part.key(),
                        "unknown key '" + part.key().value() + "' in derived KPI '" + key.value() + "' ("
                                + NameSuggestions.didYouMean(part.key().value(), KEYS, "")
                                        .map(s -> s + " ")
                                        .orElse("")
                                + "expected a formula (" + String.join(", ", KINDS) + ") and options ("
                                + String.join(", ", OPTIONS) + "))");
                unknown = true;
            }
        }
        // A misspelt formula is already reported as an unknown key: one message per problem.
        if (kind == null && !unknown) {
            error(key, "derived KPI '" + key.value() + "' has no formula: give one of " + String.join(", ", KINDS));
        }
        if (kind == null) {
            return Optional.empty();
        }
        var kindName = kind.key().value().toLowerCase(Locale.ROOT);
        var unit = unit(options.get("unit"), kindName);
        for (var option : List.of("min_denominator", "min_facts")) {
            var applies = option.equals("min_denominator") ? "ratio" : "average";
            if (options.containsKey(option) && !kindName.equals(applies)) {
                error(
                        options.get(option).key(),
                        "'" + option + "' is an option of " + applies + ", not of " + kindName);
            }
        }
        var formula = switch (kindName) {
            case "ratio" -> ratio(kind, Optional.ofNullable(options.get("min_denominator")));
            case "average" -> average(kind, Optional.ofNullable(options.get("min_facts")));
            case "distinct" -> distinct(kind);
            case "weighted" -> weighted(kind);
            case "scorecard" -> scorecard(kind);
            default -> throw new IllegalStateException("not a formula: " + kindName);
        };
        if (problems.errorCount() > errorsBefore || formula.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KpiMeasure(key.value(), unit.get(), formula.get(), key.line()));
    }

    private Optional<KpiUnit> unit(YamlEntry option, String kindName) {
        if (option == null) {
            return Optional.of(KpiUnit.COUNT);
        }
        var written = scalar(option);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        var allowed = UNITS.get(kindName);
        var names = java.util.Arrays.stream(KpiUnit.values()).map(KpiUnit::key).toList();
        var unit = KpiUnit.fromKey(written.get().value());
        if (unit.isEmpty()) {
            error(
                    written.get(),
                    "unknown unit '" + written.get().value() + "' ("
                            + NameSuggestions.didYouMean(written.get().value(), names, "")
                                    .map(s -> s + " ")
                                    .orElse("")
                            + "expected " + String.join(", ", names) + ")");
            return Optional.empty();
        }
        if (!allowed.contains(unit.get())) {
            error(
                    written.get(),
                    "unit " + unit.get().key() + " does not fit " + kindName + " (use " + oneOf(allowed) + ")");
            return Optional.empty();
        }
        return unit;
    }

    private Optional<KpiFormula> ratio(YamlEntry kind, Optional<YamlEntry> minOption) {
        var parts = switch (kind.value()) {
            case YamlScalar text -> ratioText(text);
            case YamlMapping mapping -> ratioMapping(kind, mapping);
            case YamlEmpty empty -> {
                error(
                        kind.key(),
                        "'ratio' has no value; write numerator / denominator, e.g. call_connects / calls_made");
                yield Optional.<List<Reference>>empty();
            }
        };
        Optional<BigDecimal> min = Optional.of(BigDecimal.ONE);
        if (minOption.isPresent()) {
            min = scalar(minOption.get())
                    .flatMap(s -> number(
                            s, "min_denominator", n -> n.compareTo(BigDecimal.ONE) >= 0, "a number of at least 1"));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        var numerator = input(parts.get().get(0));
        var denominator = input(parts.get().get(1));
        if (denominator.isPresent() && denominator.get().value().isPresent() && minOption.isEmpty()) {
            var at = parts.get().get(1);
            problems.error(
                    at.line(),
                    at.column(),
                    "ratio divides by '" + at.name() + "', a valued KPI whose sum can be 0 or negative: set"
                            + " min_denominator (the smallest sum the ratio is defined from)");
            return Optional.empty();
        }
        if (numerator.isEmpty() || denominator.isEmpty() || min.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new KpiFormula.Ratio(numerator.get().key(), denominator.get().key(), min.get()));
    }

    private Optional<List<Reference>> ratioText(YamlScalar text) {
        var value = text.value();
        int slash = value.indexOf('/');
        if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
            error(text, "ratio must be numerator / denominator, e.g. call_connects / calls_made");
            return Optional.empty();
        }
        var numerator = reference(text, 0, slash);
        var denominator = reference(text, slash + 1, value.length());
        if (numerator.name().isEmpty() || denominator.name().isEmpty()) {
            error(text, "ratio must be numerator / denominator, e.g. call_connects / calls_made");
            return Optional.empty();
        }
        return Optional.of(List.of(numerator, denominator));
    }

    /** The KPI name between {@code from} and {@code to} of a scalar, at the position of its first character. */
    private static Reference reference(YamlScalar text, int from, int to) {
        var part = text.value().substring(from, to);
        int start = from;
        while (start < to && Character.isWhitespace(text.value().charAt(start))) {
            start++;
        }
        return new Reference(part.strip(), text.lineOf(start), text.columnOf(start));
    }

    private Optional<List<Reference>> ratioMapping(YamlEntry kind, YamlMapping mapping) {
        boolean misspelt = unknownKeys(mapping, RATIO_KEYS, "ratio");
        var numerator = mapping.entry("numerator").flatMap(this::scalar);
        var denominator = mapping.entry("denominator").flatMap(this::scalar);
        for (var part : RATIO_KEYS) {
            if (mapping.entry(part).isEmpty() && !misspelt) {
                error(kind.key(), "ratio needs a " + part + " (ratio: { numerator: a, denominator: b })");
            }
        }
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(Reference.of(numerator.get()), Reference.of(denominator.get())));
    }

    private Optional<KpiFormula> average(YamlEntry kind, Optional<YamlEntry> minOption) {
        var kpi = scalar(kind).map(Reference::of).flatMap(this::input);
        Optional<Long> minFacts = Optional.of(1L);
        if (minOption.isPresent()) {
            minFacts = scalar(minOption.get())
                    .flatMap(s -> number(
                            s,
                            "min_facts",
                            n -> n.scale() == 0 && n.compareTo(BigDecimal.ONE) >= 0,
                            "a whole number of at least 1"))
                    .map(BigDecimal::longValueExact);
        }
        kpi.filter(rule -> rule.value().isEmpty())
                .ifPresent(rule -> problems.warning(
                        kind.value().line(),
                        kind.value().column(),
                        "'" + rule.key() + "' counts records (it has no value:), so its average per fact is"
                                + " always 1"));
        if (kpi.isEmpty() || minFacts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KpiFormula.Average(kpi.get().key(), minFacts.get()));
    }

    private Optional<KpiFormula> distinct(YamlEntry kind) {
        var written = scalar(kind);
        var kpi = written.map(Reference::of).flatMap(this::input);
        if (kpi.isPresent() && kpi.get().distinct().isEmpty()) {
            error(
                    written.get(),
                    "'" + kpi.get().key() + "' has no 'distinct:' field to count; add one to its rule, e.g."
                            + " distinct: WhatId");
            return Optional.empty();
        }
        return kpi.map(rule -> new KpiFormula.DistinctCount(rule.key()));
    }

    private Optional<KpiFormula> weighted(YamlEntry kind) {
        if (!(kind.value() instanceof YamlMapping mapping) || mapping.entries().isEmpty()) {
            error(kind.key(), "'weighted' maps KPIs to weights, e.g. weighted: { calls_made: 1, meetings_booked: 5 }");
            return Optional.empty();
        }
        var terms = new ArrayList<KpiFormula.Term>();
        boolean complete = true;
        for (var entry : mapping.entries()) {
            var kpi = input(Reference.of(entry.key()));
            var weight = scalar(entry)
                    .flatMap(s -> number(s, "weight of '" + entry.key().value() + "'", n -> true, "a number"));
            if (kpi.isPresent() && weight.isPresent()) {
                terms.add(new KpiFormula.Term(kpi.get().key(), weight.get()));
            } else {
                complete = false;
            }
        }
        return complete ? Optional.of(new KpiFormula.WeightedSum(terms)) : Optional.empty();
    }

    private Optional<KpiFormula> scorecard(YamlEntry kind) {
        if (!(kind.value() instanceof YamlMapping mapping) || mapping.entries().isEmpty()) {
            error(
                    kind.key(),
                    "'scorecard' maps KPIs to points, e.g. scorecard: { calls_made: { points: 1, cap_per_day: 50 } }");
            return Optional.empty();
        }
        boolean complete = true;
        if (mapping.entries().size() > KpiFormula.Scorecard.MAX_LINES) {
            error(
                    kind.key(),
                    "a scorecard has at most " + KpiFormula.Scorecard.MAX_LINES + " KPIs; this one has "
                            + mapping.entries().size());
            complete = false;
        }
        var lines = new ArrayList<KpiFormula.Line>();
        for (var entry : mapping.entries()) {
            var line = scorecardLine(entry);
            line.ifPresent(lines::add);
            complete &= line.isPresent();
        }
        return complete ? Optional.of(new KpiFormula.Scorecard(lines)) : Optional.empty();
    }

    private Optional<KpiFormula.Line> scorecardLine(YamlEntry entry) {
        var kpi = input(Reference.of(entry.key()));
        if (!(entry.value() instanceof YamlMapping body)) {
            error(
                    entry.key(),
                    "scorecard line '" + entry.key().value() + "' needs points, e.g. { points: 1, cap_per_day: 50 }");
            return Optional.empty();
        }
        unknownKeys(body, LINE_KEYS, "scorecard line '" + entry.key().value() + "'");
        var pointsEntry = body.entry("points");
        if (pointsEntry.isEmpty()) {
            error(entry.key(), "scorecard line '" + entry.key().value() + "' needs points, e.g. { points: 1 }");
        }
        var points = pointsEntry
                .flatMap(this::scalar)
                .flatMap(s ->
                        number(s, "points", n -> n.signum() != 0, "a number other than 0 (drop the line instead)"));
        var capEntry = body.entry("cap_per_day");
        var cap = capEntry.flatMap(this::scalar)
                .flatMap(s -> number(s, "cap_per_day", n -> n.signum() > 0, "a number greater than 0"));
        if (kpi.isEmpty() || points.isEmpty() || (capEntry.isPresent() && cap.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new KpiFormula.Line(kpi.get().key(), points.get(), cap));
    }

    /**
     * The rule a formula reads: an additive rule of this document. Empty after an error, and
     * without one when the rule exists but has errors of its own (already reported).
     */
    private Optional<KpiDefinition> input(Reference reference) {
        var name = reference.name();
        if (!ruleKeys.containsKey(name)) {
            if (derivedKeys.contains(name)) {
                problems.error(
                        reference.line(),
                        reference.column(),
                        "'" + name + "' is a derived KPI; formulas read the KPIs of rules only (they do not nest)");
            } else {
                problems.error(
                        reference.line(),
                        reference.column(),
                        "unknown KPI '" + name + "'"
                                + NameSuggestions.didYouMean(name, ruleKeys.keySet(), "")
                                        .map(s -> " (" + s + ")")
                                        .orElse(" (not a rule under 'kpis:')"));
            }
            return Optional.empty();
        }
        var rule = Optional.ofNullable(rules.get(name));
        if (rule.isPresent() && rule.get().kind() == KpiKind.SNAPSHOT) {
            problems.error(
                    reference.line(),
                    reference.column(),
                    "'" + name + "' is a snapshot KPI (a state, not events); formulas read additive KPIs only");
            return Optional.empty();
        }
        return rule;
    }

    private Optional<BigDecimal> number(
            YamlScalar text, String what, java.util.function.Predicate<BigDecimal> valid, String expected) {
        var number = DecimalText.parse(text.value());
        if (number.isEmpty() || !valid.test(number.get())) {
            error(
                    text,
                    what + " must be " + expected + " (plain digits, e.g. 10 or 2.5); got "
                            + text.value().strip());
            return Optional.empty();
        }
        return number;
    }

    /** {@code count}, {@code count or currency}, {@code count, currency or minutes}. */
    private static String oneOf(Set<KpiUnit> units) {
        var keys = units.stream().map(KpiUnit::key).toList();
        return keys.size() == 1
                ? keys.getFirst()
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.getLast();
    }

    /** Reports keys not in {@code known}; true when there were any. */
    private boolean unknownKeys(YamlMapping mapping, List<String> known, String where) {
        boolean any = false;
        for (var entry : mapping.entries()) {
            if (!known.contains(entry.key().value().toLowerCase(Locale.ROOT))) {
                error(
                        entry.key(),
                        "unknown key '" + entry.key().value() + "' in " + where + " ("
                                + NameSuggestions.didYouMean(entry.key().value(), known, "")
                                        .map(s -> s + " ")
                                        .orElse("")
                                + "expected " + String.join(", ", known) + ")");
                any = true;
            }
        }
        return any;
    }

    private Optional<YamlScalar> scalar(YamlEntry entry) {
        YamlNode node = entry.value();
        var key = entry.key().value();
        return switch (node) {
            case YamlScalar scalar
            when scalar.isBlank() -> {
                error(entry.key(), "'" + key + "' has no value");
                yield Optional.empty();
            }
            case YamlScalar scalar -> Optional.of(scalar);
            case YamlMapping mapping -> {
                error(node, "'" + key + "' must be a single value, not a mapping");
                yield Optional.empty();
            }
            case YamlEmpty missing -> {
                error(entry.key(), "'" + key + "' has no value");
                yield Optional.empty();
            }
        };
    }

    private void error(YamlNode at, String message) {
        problems.error(at.line(), at.column(), message);
    }

    /** A KPI named in a formula, at its place in the document. */
    private record Reference(String name, int line, int column) {
        static Reference of(YamlScalar scalar) {
            return new Reference(scalar.value().strip(), scalar.line(), scalar.column());
        }
    }
}
