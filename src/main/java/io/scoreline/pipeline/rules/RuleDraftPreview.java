package io.scoreline.pipeline.rules;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.Fact;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.StoredRecordReader;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rule draft as the mapping editor shows it while it is typed (ADR 0056): checked by the same
 * checker as {@code mapping validate --integration} and {@code POST …/rule-sets/validate}, then run
 * on the integration's most recently modified stored records next to the active version, KPI by
 * KPI. Stores nothing and never calls the CRM.
 */
@Singleton
public final class RuleDraftPreview {

    /** Records the preview runs on: enough to show each KPI's shape, small enough to answer as one types. */
    public static final int RECORDS = 200;

    /** Facts listed as examples; the comparison counts them all. */
    static final int SAMPLE_FACTS = 20;

    private final IntegrationRuleChecks checks;
    private final IntegrationStore integrations;
    private final RuleSetStore ruleSets;
    private final OrganizationStore organizations;
    private final StoredRecordReader records;

    @Inject
    public RuleDraftPreview(
            IntegrationRuleChecks checks,
            IntegrationStore integrations,
            RuleSetStore ruleSets,
            OrganizationStore organizations,
            TenantTransactions transactions) {
        this.checks = checks;
        this.integrations = integrations;
        this.ruleSets = ruleSets;
        this.organizations = organizations;
        this.records = new StoredRecordReader(transactions);
    }

    /** What the draft gave. */
    public sealed interface Preview {

        /** The draft has errors (and maybe warnings), in document order; nothing was run. */
        record Rejected(List<Problem> problems) implements Preview {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }

        /**
         * @param warnings      the draft's warnings, in document order
         * @param records       how many stored records it ran on
         * @param activeVersion the version compared with; empty when there is none or it no longer compiles
         * @param kpis          every KPI either side derives, by key
         * @param sample        the draft's first facts, as examples
         */
        record Compared(
                List<Problem> warnings,
                int records,
                Optional<Integer> activeVersion,
                List<KpiComparison> kpis,
                List<Fact> sample)
                implements Preview {
            public Compared {
                warnings = List.copyOf(warnings);
                kpis = List.copyOf(kpis);
                sample = List.copyOf(sample);
            }
        }
    }

    /** One KPI's facts on the same records under the draft and under the active version. */
    public record KpiComparison(
            String kpi, long draftFacts, BigDecimal draftValue, long activeFacts, BigDecimal activeValue) {

        public Change change() {
            if (draftFacts == 0 && activeFacts > 0) {
                return Change.FEWER;
            }
            if (draftFacts == activeFacts && draftValue.compareTo(activeValue) == 0) {
                return Change.SAME;
            }
            return activeFacts == 0 ? Change.NEW : Change.CHANGED;
        }
    }

    /** How a KPI's facts move from the active version to the draft. */
    public enum Change {
        SAME,
        CHANGED,
        NEW,
        FEWER
    }

    /** @throws ScorelineException not found when there is no such integration */
    public Preview preview(long integrationId, String document) {
        var checked = checks.validate(integrationId, document);
        var sorted =
                checked.problems().stream().sorted(Problem.IN_DOCUMENT_ORDER).toList();
        if (!(checked instanceof CompileResult.Compiled compiled)) {
            return new Preview.Rejected(sorted);
        }
        var integration = integrations.require(integrationId);
        var catalog = ruleSets.catalogs().effective(integration);
        var stored = ruleSets.active(integration.organizationId(), integration.id());
        var active = stored.map(v -> MappingCompiler.compile(v.document(), catalog))
                .filter(r -> r instanceof CompileResult.Compiled)
                .map(r -> ((CompileResult.Compiled) r).ruleSet());
        var zone = organizations.get(integration.organizationId()).timezone();
        var recent = records.recent(integration.organizationId(), integration.id(), RECORDS);
        var draftTotals = new TreeMap<String, Total>();
        var activeTotals = new TreeMap<String, Total>();
        var sample = new ArrayList<Fact>();
        for (var record : recent) {
            var mapped = new MappingRecord(record.objectType(), record.recordId(), record.fields());
            for (var fact : facts(compiled.ruleSet(), mapped, zone)) {
                draftTotals.computeIfAbsent(fact.kpi(), k -> new Total()).add(fact);
                if (sample.size() < SAMPLE_FACTS) {
                    sample.add(fact);
                }
            }
            active.ifPresent(rules -> facts(rules, mapped, zone)
                    .forEach(fact -> activeTotals
                            .computeIfAbsent(fact.kpi(), k -> new Total())
                            .add(fact)));
        }
        var kpis = new TreeMap<String, KpiComparison>();
        compiled.ruleSet()
                .rules()
                .forEach(rule -> kpis.put(rule.key(), comparison(rule.key(), draftTotals, activeTotals)));
        active.ifPresent(rules -> rules.rules()
                .forEach(rule -> kpis.putIfAbsent(rule.key(), comparison(rule.key(), draftTotals, activeTotals))));
        return new Preview.Compared(
                sorted,
                recent.size(),
                active.isPresent() ? stored.map(StoredRuleSet::version) : Optional.empty(),
                List.copyOf(kpis.values()),
                sample);
    }

    /** Warnings of a record (an unreadable value) only drop its fact; the preview shows what is derived. */
    private static List<Fact> facts(RuleSet rules, MappingRecord record, ZoneId zone) {
        return rules.evaluate(record, zone, warning -> {});
    }

    private static KpiComparison comparison(String kpi, Map<String, Total> draft, Map<String, Total> active) {
        var d = draft.getOrDefault(kpi, new Total());
        var a = active.getOrDefault(kpi, new Total());
        return new KpiComparison(kpi, d.facts, d.value, a.facts, a.value);
    }

    private static final class Total {
        private long facts;
        private BigDecimal value = BigDecimal.ZERO;

        void add(Fact fact) {
            facts++;
            value = value.add(fact.value());
        }
    }
}
