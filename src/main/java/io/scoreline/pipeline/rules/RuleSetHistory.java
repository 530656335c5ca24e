package io.scoreline.pipeline.rules;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.KpiRule;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.pipeline.integrations.IntegrationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored versions of an integration's rules, a page at a time, each with what it defines: the
 * KPIs it derives and whether it still compiles against today's catalog (one that does not cannot
 * be activated again until the rules or the CRM change).
 */
@Singleton
public final class RuleSetHistory {

    private final IntegrationStore integrations;
    private final RuleSetStore ruleSets;

    @Inject
    public RuleSetHistory(IntegrationStore integrations, RuleSetStore ruleSets) {
        this.integrations = integrations;
        this.ruleSets = ruleSets;
    }

    /**
     * One version in the list.
     *
     * @param compiles whether it compiles against the integration's catalog now
     * @param kpis     the KPIs it derives (empty when it no longer compiles)
     */
    public record VersionSummary(
            int version,
            boolean active,
            Instant createdAt,
            Optional<String> createdBy,
            boolean compiles,
            List<String> kpis) {
        public VersionSummary {
            kpis = List.copyOf(kpis);
        }
    }

    /** @param more whether versions follow the last one of this page */
    public record Page(List<VersionSummary> versions, boolean more) {
        public Page {
            versions = List.copyOf(versions);
        }
    }

    /**
     * Oldest first: the versions after {@code afterVersion} (0 for the first page), at most {@code limit}.
     *
     * @throws ScorelineException not found when there is no such integration
     */
    public Page page(long integrationId, int afterVersion, int limit) {
        var integration = integrations.require(integrationId);
        var catalog = ruleSets.catalogs().effective(integration);
        var after = ruleSets.versions(integration.organizationId(), integration.id()).stream()
                .filter(v -> v.version() > afterVersion)
                .toList();
        var shown = after.stream()
                .limit(limit)
                .map(v -> {
                    var kpis = MappingCompiler.compile(v.document(), catalog) instanceof CompileResult.Compiled c
                            ? Optional.of(c.ruleSet().rules().stream()
                                    .map(KpiRule::key)
                                    .toList())
                            : Optional.<List<String>>empty();
                    return new VersionSummary(
                            v.version(),
                            v.active(),
                            v.createdAt(),
                            v.createdBy(),
                            kpis.isPresent(),
                            kpis.orElse(List.of()));
                })
                .toList();
        return new Page(shown, after.size() > limit);
    }
}
