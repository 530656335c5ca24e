package io.scoreline.gamification.badges;

import io.scoreline.gamification.badges.BadgeRule.Combo;
import io.scoreline.gamification.badges.BadgeRule.First;
import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.gamification.badges.BadgeRule.PersonalBest;
import io.scoreline.gamification.badges.BadgeRule.Placement;
import io.scoreline.gamification.badges.BadgeRule.Streak;
import io.scoreline.gamification.badges.BadgeRule.StreakUnit;
import io.scoreline.gamification.badges.BadgeRule.Threshold;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a badge catalog ({@code pipeline/gamification/badges.yaml} or a file given to
 * {@code badges add}) and reports every problem with its line and column, so that one run names
 * them all. A catalog with any problem yields no badges.
 *
 * <pre>
 * badges:
 *   - key: dialer_50
 *     name: Fifty Dials
 *     category: calling
 *     policy: sticky            # or revocable (default: sticky)
 *     rule: { kind: threshold, kpi: calls_made, period: day, at_least: 50 }
 * </pre>
 */
public final class BadgeCatalogReader {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> BADGE_FIELDS = Set.of("key", "name", "category", "description", "policy", "rule");
    private static final Map<String, Set<String>> RULE_FIELDS = Map.of(
            "threshold", Set.of("kind", "kpi", "period", "at_least"),
            "streak", Set.of("kind", "kpi", "unit", "length", "at_least"),
            "first", Set.of("kind", "kpi"),
            "personal_best", Set.of("kind", "kpi", "period", "min_history"),
            "combo", Set.of("kind", "period", "parts"),
            "placement", Set.of("kind", "rank"),
            "goal_reached", Set.of("kind", "kpi", "period"));

    private final List<CatalogProblem> problems = new ArrayList<>();

    private BadgeCatalogReader() {}

    public static CatalogReadResult read(String text) {
        return new BadgeCatalogReader().parse(text);
    }

    private CatalogReadResult parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            return new CatalogReadResult(
                    List.of(),
                    List.of(new CatalogProblem(
                            mark.getLine() + 1, mark.getColumn() + 1, "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            return new CatalogReadResult(
                    List.of(), List.of(new CatalogProblem(1, 1, "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode mapping)) {
            return new CatalogReadResult(
                    List.of(), List.of(new CatalogProblem(1, 1, "a catalog is a mapping with a 'badges:' list")));
        }
        var fields = fields(mapping, Set.of("badges"));
        var list = fields.get("badges");
        var badges = new ArrayList<BadgeDefinition>();
        if (!(list instanceof SequenceNode sequence)) {
            problem(list == null ? mapping : list, "'badges' must be a list of badges");
        } else {
            var keys = new HashSet<String>();
            for (var item : sequence.getValue()) {
                var key = item instanceof MappingNode m ? fields(m, null).get("key") : null;
                if (key != null && scalar(key) != null && !keys.add(scalar(key))) {
                    problem(item, "badge key '" + scalar(key) + "' is defined twice");
                    continue;
                }
                badge(item).ifPresent(badges::add);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(CatalogProblem::line).thenComparingInt(CatalogProblem::column));
        return problems.isEmpty()
                ? new CatalogReadResult(badges, List.of())
                : new CatalogReadResult(List.of(), problems);
    }

    private Optional<BadgeDefinition> badge(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "each badge is a mapping with key, name, category and rule");
            return Optional.empty();
        }
        int before = problems.size();
        var fields = fields(mapping, BADGE_FIELDS);
        var key = requiredText(mapping, fields, "key")
                .filter(k -> matches(
                        fields.get("key"),
                        k,
                        KEY,
                        "key '" + k + "' must be lower case letters, digits and '_' (starting with a letter)"));
        var name = requiredText(mapping, fields, "name");
        var category = requiredText(mapping, fields, "category")
                .filter(c -> matches(
                        fields.get("category"),
                        c,
                        KEY,
                        "category '" + c + "' must be lower case letters, digits and '_'"));
        var description = optionalText(fields, "description");
        var policy = optionalText(fields, "policy")
                .map(p -> RetractionPolicy.fromKey(p).orElseGet(() -> {
                    problem(fields.get("policy"), "policy must be sticky or revocable, got '" + p + "'");
                    return RetractionPolicy.STICKY;
                }))
                .orElse(RetractionPolicy.STICKY);
        var ruleNode = fields.get("rule");
        Optional<BadgeRule> rule = Optional.empty();
        if (ruleNode == null) {
            problem(mapping, "badge" + key.map(k -> " '" + k + "'").orElse("") + " has no 'rule'");
        } else {
            rule = rule(ruleNode);
        }
        if (problems.size() > before || key.isEmpty() || name.isEmpty() || category.isEmpty() || rule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new BadgeDefinition(key.get(), name.get(), category.get(), description.orElse(""), rule.get(), policy));
    }

    private Optional<BadgeRule> rule(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(
                    node,
                    "rule must be a mapping such as { kind: threshold, kpi: calls_made, period: day, at_least: 50 }");
            return Optional.empty();
        }
        var kindNode = fields(mapping, null).get("kind");
        var kind = kindNode == null ? null : scalar(kindNode);
        if (kind == null || !RULE_FIELDS.containsKey(kind)) {
            problem(
                    kindNode == null ? mapping : kindNode,
                    "rule kind must be one of threshold, streak, first, personal_best, combo, placement, goal_reached"
                            + (kind == null ? "" : "; got '" + kind + "'"));
            return Optional.empty();
        }
        int before = problems.size();
        var fields = fields(mapping, RULE_FIELDS.get(kind));
        BadgeRule rule = switch (kind) {
            case "threshold" ->
                new Threshold(
                        kpi(mapping, fields), period(mapping, fields, true), positive(mapping, fields, "at_least"));
            case "streak" ->
                new Streak(
                        kpi(mapping, fields),
                        streakUnit(fields),
                        wholeNumber(mapping, fields, "length", 2, 366).orElse(2),
                        positive(mapping, fields, "at_least"));
            case "first" -> new First(kpi(mapping, fields));
            case "personal_best" ->
                new PersonalBest(
                        kpi(mapping, fields),
                        personalBestPeriod(mapping, fields),
                        fields.containsKey("min_history")
                                ? wholeNumber(mapping, fields, "min_history", 1, 520)
                                : Optional.empty());
            case "combo" -> new Combo(period(mapping, fields, false), parts(mapping, fields));
            case "placement" ->
                new Placement(wholeNumber(mapping, fields, "rank", 1, 10).orElse(1));
            case "goal_reached" -> new GoalReached(kpi(mapping, fields), goalPeriod(mapping, fields));
            default -> throw new IllegalStateException(kind);
        };
        return problems.size() > before ? Optional.empty() : Optional.of(rule);
    }

    private String kpi(MappingNode mapping, Map<String, Node> fields) {
        return requiredText(mapping, fields, "kpi")
                .filter(k -> matches(
                        fields.get("kpi"),
                        k,
                        KEY,
                        "kpi '" + k + "' is not a KPI key (lower case letters, digits and '_')"))
                .orElse("x");
    }

    private PeriodUnit period(MappingNode mapping, Map<String, Node> fields, boolean allowAll) {
        var text = requiredText(mapping, fields, "period");
        if (text.isEmpty()) {
            return PeriodUnit.DAY;
        }
        var unit = PeriodUnit.fromKey(text.get());
        if (unit.isEmpty() || (!allowAll && unit.get() == PeriodUnit.ALL)) {
            problem(
                    fields.get("period"),
                    "period must be one of day, week, month, quarter, year" + (allowAll ? ", all" : "") + "; got '"
                            + text.get() + "'");
            return PeriodUnit.DAY;
        }
        return unit.get();
    }

    /** Goals exist per week, month or quarter only. */
    private PeriodUnit goalPeriod(MappingNode mapping, Map<String, Node> fields) {
        int before = problems.size();
        var unit = period(mapping, fields, false);
        if (problems.size() == before && (unit == PeriodUnit.DAY || unit == PeriodUnit.YEAR)) {
            problem(
                    fields.get("period"),
                    "a goal_reached period must be week, month or quarter (the periods goals are set for); got '"
                            + unit.key() + "'");
        }
        return unit;
    }

    private PeriodUnit personalBestPeriod(MappingNode mapping, Map<String, Node> fields) {
        return period(mapping, fields, false);
    }

    private StreakUnit streakUnit(Map<String, Node> fields) {
        var text = optionalText(fields, "unit").orElse("day");
        return switch (text) {
            case "day" -> StreakUnit.DAY;
            case "week" -> StreakUnit.WEEK;
            default -> {
                problem(fields.get("unit"), "streak unit must be day (working days) or week; got '" + text + "'");
                yield StreakUnit.DAY;
            }
        };
    }

    private List<Combo.Part> parts(MappingNode mapping, Map<String, Node> fields) {
        var node = fields.get("parts");
        var parts = new ArrayList<Combo.Part>();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() < 2) {
            problem(
                    node == null ? mapping : node,
                    "a combo needs 'parts': a list of at least two { kpi: K, at_least: N }");
            return parts;
        }
        var kpis = new HashSet<String>();
        for (var item : sequence.getValue()) {
            if (!(item instanceof MappingNode partMapping)) {
                problem(item, "each combo part is { kpi: K, at_least: N }");
                continue;
            }
            var partFields = fields(partMapping, Set.of("kpi", "at_least"));
            var part = new Combo.Part(kpi(partMapping, partFields), positive(partMapping, partFields, "at_least"));
            if (!kpis.add(part.kpi())) {
                problem(item, "combo names kpi '" + part.kpi() + "' twice");
            }
            parts.add(part);
        }
        return parts;
    }

    private BigDecimal positive(MappingNode mapping, Map<String, Node> fields, String name) {
        var text = requiredText(mapping, fields, name);
        if (text.isEmpty()) {
            return BigDecimal.ONE;
        }
        try {
            var value = new BigDecimal(text.get());
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(fields.get(name), name + " must be a positive number, got '" + text.get() + "'");
        return BigDecimal.ONE;
    }

    private Optional<Integer> wholeNumber(
            MappingNode mapping, Map<String, Node> fields, String name, int min, int max) {
        var text = requiredText(mapping, fields, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(
                fields.get(name),
                name + " must be a whole number from " + min + " to " + max + ", got '" + text.get() + "'");
        return Optional.empty();
    }

    /** The mapping's fields by name; unknown names (when {@code allowed} is given) and duplicates are problems. */
    private Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
        var fields = new LinkedHashMap<String, Node>();
        for (var tuple : mapping.getValue()) {
            var name = scalar(tuple.getKeyNode());
            if (name == null) {
                problem(tuple.getKeyNode(), "field names must be plain words");
                continue;
            }
            if (allowed != null && !allowed.contains(name)) {
                problem(
                        tuple.getKeyNode(),
                        "unknown field '" + name + "' (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
                continue;
            }
            if (fields.put(name, tuple.getValueNode()) != null && allowed != null) {
                problem(tuple.getKeyNode(), "field '" + name + "' is given twice");
            }
        }
        return fields;
    }

    private Optional<String> requiredText(MappingNode mapping, Map<String, Node> fields, String name) {
        var node = fields.get(name);
        if (node == null) {
            problem(mapping, "missing '" + name + "'");
            return Optional.empty();
        }
        var text = scalar(node);
        if (text == null || text.isBlank()) {
            problem(node, "'" + name + "' must be a single value");
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }

    private Optional<String> optionalText(Map<String, Node> fields, String name) {
        var node = fields.get(name);
        if (node == null) {
            return Optional.empty();
        }
        var text = scalar(node);
        if (text == null) {
            problem(node, "'" + name + "' must be a single value");
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }

    private boolean matches(Node node, String value, Pattern pattern, String message) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        problem(node, message);
        return false;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private void problem(Node node, String message) {
        var mark = node.getStartMark();
        problems.add(new CatalogProblem(mark.getLine() + 1, mark.getColumn() + 1, message));
    }
}
