package io.scoreline.pipeline.rules;

import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.facts.StoredFieldGaps;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * An integration's rule-set versions: set a new one (validated against the integration's CRM,
 * compared with the active one, stored unless it is the same text), roll back to a stored one,
 * and read them. Every method first resolves the integration's organization. A set's comparison
 * and save, and a roll-back's check and switch, are each one transaction under the integration's
 * rule-set lock, so two concurrent sets cannot both diff against the same active version.
 */
@Singleton
public final class RuleSetVersions {

    private final IntegrationStore integrations;
    private final RuleSetStore ruleSets;
    private final RuleDocumentCheck check;
    // Absent where nothing is stored to compare with (tests of the versions alone).
    private final Optional<StoredFieldGaps> gaps;

    public RuleSetVersions(IntegrationStore integrations, RuleSetStore ruleSets, RuleDocumentCheck check) {
        this(integrations, ruleSets, check, Optional.empty());
    }

    @Inject
    public RuleSetVersions(
            IntegrationStore integrations, RuleSetStore ruleSets, RuleDocumentCheck check, StoredFieldGaps gaps) {
        this(integrations, ruleSets, check, Optional.of(gaps));
    }

    private RuleSetVersions(
            IntegrationStore integrations,
            RuleSetStore ruleSets,
            RuleDocumentCheck check,
            Optional<StoredFieldGaps> gaps) {
        this.integrations = integrations;
        this.ruleSets = ruleSets;
        this.check = check;
        this.gaps = gaps;
    }

    /** @throws ScorelineException not found when there is no such integration */
    public RuleSetChange set(long integrationId, String document, String createdBy) {
        return set(integrationId, document, createdBy, Optional.empty());
    }

    /**
     * {@link #set} for an API caller: the stored version names the key as its author, and an
     * audit row (version numbers, never the document) commits with it.
     */
    public RuleSetChange set(long integrationId, String document, Actor actor) {
        return set(integrationId, document, actor.auditName(), Optional.of(actor));
    }

    private RuleSetChange set(long integrationId, String document, String createdBy, Optional<Actor> actor) {
        var integration = integrations.require(integrationId);
        var catalog = ruleSets.catalogs().forNewRules(integration);
        return switch (check.validate(document, catalog.catalog())) {
            case CompileResult.Rejected rejected ->
                new RuleSetChange.Rejected(withDiscoveryHint(rejected.problems(), integration, catalog));
            case CompileResult.Compiled compiled -> {
                RuleSetChange change = ruleSets.locked(integration.organizationId(), integration.id(), versions -> {
                    var previous = versions.active();
                    var changes = RuleSetDiff.between(
                            canonicalText(previous, catalog.catalog()),
                            compiled.ruleSet().canonicalText());
                    if (previous.isPresent()
                            && changes.isEmpty()
                            && previous.get().document().equals(document)) {
                        return new RuleSetChange.Unchanged(previous.get(), compiled.warnings());
                    }
                    var saved = versions.saveNext(document, createdBy);
                    actor.ifPresent(a -> versions.audit(audit(a, "rule_set.set", integration, saved, previous)));
                    return new RuleSetChange.Stored(saved, changes, compiled.warnings());
                });
                yield change instanceof RuleSetChange.Stored stored
                        ? withMissingFields(integration, stored, compiled.ruleSet())
                        : change;
            }
        };
    }

    /**
     * {@link #set} for callers with no one to show a document's problems to (the demo, the
     * benchmarks): a rejected document fails with its first error, as {@code name:LINE:COL: message}.
     */
    public RuleSetChange setOrFail(long integrationId, String document, String createdBy, String documentName) {
        var change = set(integrationId, document, createdBy);
        if (change instanceof RuleSetChange.Rejected rejected) {
            throw ScorelineException.badInput("rules "
                    + rejected.problems().stream()
                            .filter(p -> p.severity() == Problem.Severity.ERROR)
                            .findFirst()
                            .map(p -> p.format(documentName))
                            .orElse(documentName)
                    + " are not valid; nothing was stored");
        }
        return change;
    }

    /**
     * Rolls the rules back (or forward) to a stored version: it becomes the active one again,
     * unedited. A version that no longer compiles against today's catalog is refused: syncs would
     * fail on it.
     *
     * @throws ScorelineException not found when there is no such integration or version
     */
    public RuleSetActivation activate(long integrationId, int version) {
        return activate(integrationId, version, Optional.empty());
    }

    /** {@link #activate} for an API caller, with an audit row when the active version changes. */
    public RuleSetActivation activate(long integrationId, int version, Actor actor) {
        return activate(integrationId, version, Optional.of(actor));
    }

    private RuleSetActivation activate(long integrationId, int version, Optional<Actor> actor) {
        var integration = integrations.require(integrationId);
        var catalog = ruleSets.catalogs().effective(integration);
        return ruleSets.locked(integration.organizationId(), integration.id(), versions -> {
            var target = versions.versions().stream()
                    .filter(v -> v.version() == version)
                    .findFirst()
                    .orElseThrow(() -> noVersion(integrationId, version));
            if (target.active()) {
                return new RuleSetActivation.AlreadyActive(target);
            }
            if (MappingCompiler.compile(target.document(), catalog) instanceof CompileResult.Rejected rejected) {
                return new RuleSetActivation.Rejected(target, rejected.problems());
            }
            var previous = versions.active();
            var changes =
                    RuleSetDiff.between(canonicalText(previous, catalog), canonicalText(Optional.of(target), catalog));
            var activated = versions.activate(version);
            actor.ifPresent(a -> versions.audit(audit(a, "rule_set.activate", integration, activated, previous)));
            return new RuleSetActivation.Activated(activated, previous.map(StoredRuleSet::version), changes);
        });
    }

    /** @throws ScorelineException not found when there is no such integration or it has no rules yet */
    public StoredRuleSet active(long integrationId) {
        var integration = integrations.require(integrationId);
        return ruleSets.active(integration.organizationId(), integration.id())
                .orElseThrow(() -> ScorelineException.notFound(
                        "integration " + integrationId + " has no rules yet: store some with `scoreline mapping set`"));
    }

    /** @throws ScorelineException not found when there is no such integration or version */
    public StoredRuleSet version(long integrationId, int version) {
        return versions(integrationId).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> noVersion(integrationId, version));
    }

    /**
     * What a stored version changed against the one stored before it (every rule added for the
     * first), both read against today's catalog: the diff the mapping editor shows for a version.
     *
     * @throws ScorelineException not found when there is no such integration or version
     */
    public List<io.scoreline.mappings.RuleChange> changesIn(long integrationId, int version) {
        var integration = integrations.require(integrationId);
        var all = ruleSets.versions(integration.organizationId(), integration.id());
        var target = all.stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> noVersion(integrationId, version));
        var before = all.stream().filter(v -> v.version() < version).reduce((a, b) -> b);
        var catalog = ruleSets.catalogs().effective(integration);
        return RuleSetDiff.between(canonicalText(before, catalog), canonicalText(Optional.of(target), catalog));
    }

    /** Oldest first; empty when the integration has no rules yet. */
    public List<StoredRuleSet> versions(long integrationId) {
        var integration = integrations.require(integrationId);
        return ruleSets.versions(integration.organizationId(), integration.id());
    }

    /**
     * When the CRM could not be read, an unknown field may well exist there: the rejection says so
     * and how to read the account once it is reachable.
     */
    private static List<Problem> withDiscoveryHint(
            List<Problem> problems, Integration integration, RuleCatalogs.CatalogForRules catalog) {
        if (catalog.notDiscovered().isEmpty()) {
            return problems;
        }
        var all = new java.util.ArrayList<>(problems);
        all.add(Problem.error(
                1,
                1,
                "the fields of integration " + integration.id() + " could not be read from its CRM ("
                        + catalog.notDiscovered().get() + "), so only stock fields are known: run `scoreline "
                        + "integration describe --integration " + integration.id() + "` when it is reachable"));
        return all;
    }

    /**
     * The stored change with what the new rules read that stored records lack (ADR 0034):
     * counted in the database, priced by the CRM's profile, no API call.
     */
    private RuleSetChange.Stored withMissingFields(
            Integration integration, RuleSetChange.Stored stored, RuleSet rules) {
        return gaps.map(g -> g.of(
                        integration.organizationId(), integration.id(), rules, CrmProfiles.of(integration.provider())))
                .map(missing -> new RuleSetChange.Stored(stored.stored(), stored.changes(), stored.problems(), missing))
                .orElse(stored);
    }

    /** The version numbers only: a document may be large and is in the rule sets themselves. */
    private static AuditEntry audit(
            Actor actor, String action, Integration integration, StoredRuleSet now, Optional<StoredRuleSet> before) {
        var changes = new java.util.HashMap<String, Object>();
        changes.put("version", now.version());
        before.ifPresent(b -> changes.put("previous_version", b.version()));
        return new AuditEntry(actor, action, "integration:" + integration.id(), changes);
    }

    private static ScorelineException noVersion(long integrationId, int version) {
        return ScorelineException.notFound("integration " + integrationId + " has no version " + version);
    }

    /** A version as the diff sees it; one that no longer compiles counts as empty, so every rule shows as added. */
    private static String canonicalText(Optional<StoredRuleSet> version, FieldCatalog catalog) {
        return version.map(v -> MappingCompiler.compile(v.document(), catalog))
                .filter(r -> r instanceof CompileResult.Compiled)
                .map(r -> ((CompileResult.Compiled) r).ruleSet().canonicalText())
                .orElse("");
    }
}
