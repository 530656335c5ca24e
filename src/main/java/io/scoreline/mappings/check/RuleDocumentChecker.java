package io.scoreline.mappings.check;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.yaml.YamlEntry;
import io.scoreline.mappings.yaml.YamlMapping;
import io.scoreline.mappings.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a parsed rule document: the top-level keys, the provider, and each KPI rule in turn,
 * so that every bad rule is reported in one run.
 */
public final class RuleDocumentChecker {

    /** More KPIs than this is a generated or pasted document, not a mapping someone maintains. */
    public static final int MAX_KPIS = 200;

    private final FieldCatalog catalog;
    private final ProblemSink problems;

    public RuleDocumentChecker(FieldCatalog catalog, ProblemSink problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    public List<KpiDefinition> check(YamlMapping root) {
        for (var entry : root.entries()) {
            var name = entry.key().value().toLowerCase(Locale.ROOT);
            if (!name.equals("provider") && !name.equals("kpis")) {
                problems.error(
                        entry.key().line(),
                        entry.key().column(),
                        "unknown top-level key '" + entry.key().value() + "' (expected provider, kpis)");
            }
        }
        root.entry("provider").ifPresent(this::checkProvider);
        var kpis = root.entry("kpis");
        if (kpis.isEmpty()) {
            problems.error(root.line(), root.column(), "missing 'kpis:'");
            return List.of();
        }
        return switch (kpis.get().value()) {
            case YamlMapping rules when !rules.entries().isEmpty() -> checkRules(kpis.get(), rules);
            default -> {
                problems.error(kpis.get().key().line(), kpis.get().key().column(), "no KPIs defined under 'kpis:'");
                yield List.of();
            }
        };
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
