package io.scoreline.mappings;

import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.check.RuleDocumentText;
import io.scoreline.mappings.measures.KpiMeasure;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A compiled, immutable rule document: the exact evaluator, the field projection and the
 * canonical text. Safe to share between threads.
 */
public final class RuleSet {

    private final CrmProvider provider;
    private final List<KpiRule> rules;
    private final Map<String, KpiRule[]> rulesByObject;
    private final Map<String, KpiRule[]> rulesByLowerObject;
    private final String canonicalText;
    private final List<KpiMeasure> derived;

    private RuleSet(CrmProvider provider, List<KpiDefinition> definitions, List<KpiMeasure> derived) {
        this.provider = provider;
        this.derived = List.copyOf(derived);
        this.rules = definitions.stream().map(KpiRule::new).toList();
        var byObject = new LinkedHashMap<String, List<KpiRule>>();
        for (var rule : rules) {
            byObject.computeIfAbsent(rule.objectType(), k -> new ArrayList<>()).add(rule);
        }
        this.rulesByObject = new HashMap<>();
        this.rulesByLowerObject = new HashMap<>();
        byObject.forEach((object, list) -> {
            rulesByObject.put(object, list.toArray(KpiRule[]::new));
            rulesByLowerObject.put(object.toLowerCase(Locale.ROOT), list.toArray(KpiRule[]::new));
        });
        this.canonicalText = RuleDocumentText.of(provider, definitions, this.derived);
    }

    static RuleSet of(CrmProvider provider, List<KpiDefinition> definitions) {
        return new RuleSet(provider, definitions, List.of());
    }

    static RuleSet of(CrmProvider provider, List<KpiDefinition> definitions, List<KpiMeasure> derived) {
        return new RuleSet(provider, definitions, derived);
    }

    public CrmProvider provider() {
        return provider;
    }

    /**
     * The document's {@code derived:} KPIs in document order: formulas over its additive rules'
     * KPIs (ADR 0042). Snapshot rules are rules ({@link KpiRule#definition()} kind), not listed here.
     */
    public List<KpiMeasure> derived() {
        return derived;
    }

    /** The rules in document order. */
    public List<KpiRule> rules() {
        return rules;
    }

    /** The rules on one object type (matched ignoring case). */
    public List<KpiRule> rulesFor(String objectType) {
        return List.of(lookup(objectType));
    }

    /**
     * Exactly the fields the rules, owners and dates read, per object type (catalog spelling),
     * for the connectors' field projection. Connectors add their own bookkeeping fields
     * (Id, SystemModstamp, …).
     */
    public Map<String, Set<String>> fieldsByObject() {
        var fields = new LinkedHashMap<String, Set<String>>();
        for (var rule : rules) {
            fields.computeIfAbsent(rule.objectType(), k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                    .addAll(rule.fieldsRead());
        }
        fields.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(fields);
    }

    /**
     * Every fact the record yields, one per matching KPI rule on its object type, dated in
     * {@code zone}. Records that match a rule but cannot give a fact are reported to {@code warnings}.
     */
    public List<Fact> evaluate(MappingRecord record, ZoneId zone, Consumer<EvaluationWarning> warnings) {
        var candidates = lookup(record.objectType());
        if (candidates.length == 0) {
            return List.of();
        }
        var facts = new ArrayList<Fact>(candidates.length);
        for (var rule : candidates) {
            rule.evaluate(record, zone, warnings).ifPresent(facts::add);
        }
        return facts;
    }

    /** The document in canonical form: what is stored as a version and diffed. */
    public String canonicalText() {
        return canonicalText;
    }

    private KpiRule[] lookup(String objectType) {
        var exact = rulesByObject.get(objectType);
        if (exact != null) {
            return exact;
        }
        return rulesByLowerObject.getOrDefault(objectType.toLowerCase(Locale.ROOT), new KpiRule[0]);
    }
}
