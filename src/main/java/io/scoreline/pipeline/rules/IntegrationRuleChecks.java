package io.scoreline.pipeline.rules;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.Problem;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule document checked for one integration before it is stored: validated against the
 * integration's effective catalog (stock fields and the custom fields its CRM reported, ADR 0033)
 * and tried on records in the organization's time zone. Stores nothing and never calls the CRM:
 * what {@code mapping validate|test --integration ID} do, for callers that name the integration.
 */
@Singleton
public final class IntegrationRuleChecks {

    private final IntegrationStore integrations;
    private final RuleSetStore ruleSets;
    private final OrganizationStore organizations;
    private final RuleDocumentCheck check;

    @Inject
    public IntegrationRuleChecks(
            IntegrationStore integrations,
            RuleSetStore ruleSets,
            OrganizationStore organizations,
            RuleDocumentCheck check) {
        this.integrations = integrations;
        this.ruleSets = ruleSets;
        this.organizations = organizations;
        this.check = check;
    }

    /** What a document tried on records gave: per record its facts and warnings, in the order given. */
    public sealed interface Trial {

        /** The document has errors: no record was tried. */
        record Rejected(CompileResult.Rejected result) implements Trial {}

        /** @param problems the document's warnings */
        record Tried(List<Problem> problems, List<RuleDocumentCheck.RecordFacts> records) implements Trial {
            public Tried {
                problems = List.copyOf(problems);
                records = List.copyOf(records);
            }
        }
    }

    /** @throws ScorelineException not found when there is no such integration */
    public CompileResult validate(long integrationId, String document) {
        var integration = integrations.require(integrationId);
        return check.validate(document, ruleSets.catalogs().effective(integration));
    }

    /**
     * @param objectType the object type of records that do not name their own (HubSpot)
     * @throws ScorelineException not found when there is no such integration; bad input naming the
     *                            record's index when one is not a record of the integration's CRM
     */
    public Trial tryOn(long integrationId, String document, List<Map<String, ?>> records, Optional<String> objectType) {
        var integration = integrations.require(integrationId);
        var result = check.validate(document, ruleSets.catalogs().effective(integration));
        return switch (result) {
            case CompileResult.Rejected rejected -> new Trial.Rejected(rejected);
            case CompileResult.Compiled compiled -> {
                var zone = organizations.get(integration.organizationId()).timezone();
                var tried = new ArrayList<RuleDocumentCheck.RecordFacts>();
                for (int i = 0; i < records.size(); i++) {
                    try {
                        tried.add(check.tryOn(compiled.ruleSet(), records.get(i), objectType, zone));
                    } catch (IllegalArgumentException e) {
                        throw new RecordRefused(i, e.getMessage());
                    }
                }
                yield new Trial.Tried(compiled.warnings(), tried);
            }
        };
    }

    /** A record that is not one of the integration's CRM, by its index in the list given. */
    public static final class RecordRefused extends ScorelineException {

        private final int index;

        RecordRefused(int index, String message) {
            super(FailureKind.BAD_INPUT, "record " + index + ": " + message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
