package io.scoreline.mappings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two versions of a rule document KPI by KPI (rules and derived KPIs alike) on their
 * canonical text, so that reformatting, comments and spelled-out defaults never show up as
 * changes. Works on stored
 * canonical text alone, so the previous version need not compile against today's catalog.
 */
public final class RuleSetDiff {

    private static final String KPI_INDENT = "  ";

    private RuleSetDiff() {}

    /** Changes from {@code before} (empty for the first version) to {@code after}, in document order. */
    public static List<RuleChange> between(Optional<RuleSet> before, RuleSet after) {
        return between(before.map(RuleSet::canonicalText).orElse(""), after.canonicalText());
    }

    /**
     * Changes between two canonical texts ({@link RuleSet#canonicalText()}, as stored per version;
     * {@code ""} for no previous version).
     */
    public static List<RuleChange> between(String beforeCanonicalText, String afterCanonicalText) {
        var old = rules(beforeCanonicalText);
        var now = rules(afterCanonicalText);
        var changes = new ArrayList<RuleChange>();
        old.forEach((kpi, rule) -> {
            if (!now.containsKey(kpi)) {
                changes.add(new RuleChange.Removed(kpi, rule));
            }
        });
        now.forEach((kpi, rule) -> {
            var previous = old.get(kpi);
            if (previous == null) {
                changes.add(new RuleChange.Added(kpi, rule));
            } else if (!previous.equals(rule)) {
                changes.add(new RuleChange.Changed(kpi, previous, rule));
            }
        });
        return changes;
    }

    /** The diff as text for {@code mapping set}; empty when nothing changed. */
    public static String format(List<RuleChange> changes) {
        var out = new StringBuilder();
        changes.forEach(change -> out.append(change.format()));
        return out.toString();
    }

    /**
     * Each KPI's block of a canonical document, keyed by KPI, in the form of {@link
     * KpiRule#canonicalText()}: the rules' blocks, then the derived KPIs' ({@code derived:} is
     * not indented, so it opens no block). A key names one KPI in either section (the checker
     * sees to it), so a KPI moved from a rule to a formula shows as one change.
     */
    private static Map<String, String> rules(String canonicalText) {
        var rules = new LinkedHashMap<String, String>();
        String kpi = null;
        var block = new StringBuilder();
        for (var line : canonicalText.lines().toList()) {
            if (!line.startsWith(KPI_INDENT)) {
                continue;
            }
            var unindented = line.substring(KPI_INDENT.length());
            if (!unindented.startsWith(" ")) {
                if (kpi != null) {
                    rules.put(kpi, block.toString());
                }
                kpi = unindented.substring(0, unindented.length() - 1);
                block.setLength(0);
            }
            block.append(unindented).append('\n');
        }
        if (kpi != null) {
            rules.put(kpi, block.toString());
        }
        return rules;
    }
}
