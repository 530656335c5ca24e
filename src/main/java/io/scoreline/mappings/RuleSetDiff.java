package io.scoreline.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two rule sets KPI by KPI on their canonical text, so that reformatting, comments
 * and spelled-out defaults never show up as changes.
 */
public final class RuleSetDiff {

    private RuleSetDiff() {
    }

    /** Changes from {@code before} (empty for the first version) to {@code after}, in document order. */
    public static List<KpiChange> between(Optional<RuleSet> before, RuleSet after) {
        var old = rules(before);
        var now = rules(Optional.of(after));
        var changes = new ArrayList<KpiChange>();
        old.forEach((kpi, rule) -> {
            if (!now.containsKey(kpi)) {
                changes.add(new KpiChange.Removed(kpi, rule));
            }
        });
        now.forEach((kpi, rule) -> {
            var previous = old.get(kpi);
            if (previous == null) {
                changes.add(new KpiChange.Added(kpi, rule));
            } else if (!previous.equals(rule)) {
                changes.add(new KpiChange.Changed(kpi, previous, rule));
            }
        });
        return changes;
    }

    /** The diff as text for {@code mapping set}; empty when nothing changed. */
    public static String format(List<KpiChange> changes) {
        var out = new StringBuilder();
        changes.forEach(change -> out.append(change.format()));
        return out.toString();
    }

    private static Map<String, String> rules(Optional<RuleSet> ruleSet) {
        var rules = new LinkedHashMap<String, String>();
        ruleSet.ifPresent(set -> set.rules().forEach(rule -> rules.put(rule.key(), rule.canonicalText())));
        return rules;
    }
}
