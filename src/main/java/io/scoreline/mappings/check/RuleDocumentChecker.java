package io.scoreline.mappings.check;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.yaml.YamlEntry;
import io.scoreline.mappings.yaml.YamlMapping;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a parsed rule document: the top-level keys, the provider, each KPI rule in turn and
 * then each derived KPI over them, so that every bad rule is reported in one run.
 */
public final class RuleDocumentChecker {

    /** More KPIs than this is a generated or pasted document, not a mapping someone maintains. */
    public static final int MAX_KPIS = 200;

    private static final List<String> TOP_LEVEL_KEYS = List.of("provider", "kpis", "derived");

    private final FieldCatalog catalog;
    private final ProblemSink problems;

    public RuleDocumentChecker(FieldCatalog catalog, ProblemSink problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    public CheckedDocument check(YamlMapping root) {
        for (var entry : root.entries()) {
            var name = entry.key().value().toLowerCase(Locale.ROOT);
            if (!TOP_LEVEL_KEYS.contains(name)) {
                problems.error(
                        entry.key().line(),
                        entry.key().column(),
                        "unknown top-level key '" + entry.key().value() + "' (expected "
                                + String.join(", ", TOP_LEVEL_KEYS) + ")");
            }
        }
        root.entry("provider").ifPresent(this::checkProvider);
        var kpis = root.entry("kpis");
        if (kpis.isEmpty()) {
            problems.error(root.line(), root.column(), "missing 'kpis:'");
            return new CheckedDocument(List.of(), List.of());
        }
        return switch (kpis.get().value()) {
            case YamlMapping rules
            when !rules.entries().isEmpty() -> {
                var definitions = checkRules(kpis.get(), rules);
                // Over a document with too many rules nothing was checked, so every reference would look unknown.
                var derived = rules.entries().size() > MAX_KPIS
                        ? List.<KpiMeasure>of()
                        : root.entry("derived")
                                .map(d -> new DerivedKpiChecker(keys(rules), definitions, problems).check(d))
                                .orElse(List.of());
                yield new CheckedDocument(definitions, derived);
            }
            default -> {
                problems.error(kpis.get().key().line(), kpis.get().key().column(), "no KPIs defined under 'kpis:'");
                yield new CheckedDocument(List.of(), List.of());
            }
        };
    }

    private static Map<String, YamlScalar> keys(YamlMapping rules) {
        var keys = new LinkedHashMap<String, YamlScalar>();
        rules.entries().forEach(e -> keys.putIfAbsent(e.key().value(), e.key()));
        return keys;
    }

    private List<KpiDefinition> checkRules(YamlEntry kpis, YamlMapping rules) {
        if (rules.entries().size() > MAX_KPIS) {
            problems.error(kpis.key().line(), kpis.key().column(), "more than " + MAX_KPIS + " KPIs");
            return List.of();
        }
        var checker = new KpiRuleChecker(catalog, problems);
        var definitions = new ArrayList<KpiDefinition>();
        for (var entry : rules.entries()) {
            checker.check(entry).ifPresent(definitions::add);
        }
        return definitions;
    }

    private void checkProvider(YamlEntry entry) {
        if (!(entry.value() instanceof YamlScalar value)) {
            problems.error(entry.key().line(), entry.key().column(), "'provider' must be salesforce or hubspot");
            return;
        }
        try {
            var declared = CrmProvider.fromKey(value.value());
            if (declared != catalog.provider()) {
                problems.error(
                        value.line(),
                        value.column(),
                        "document is for " + declared.key() + " but is checked as "
                                + catalog.provider().key());
            }
        } catch (ScorelineException e) {
            problems.error(value.line(), value.column(), e.getMessage());
        }
    }
}
