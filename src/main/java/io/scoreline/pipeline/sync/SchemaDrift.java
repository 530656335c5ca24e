package io.scoreline.pipeline.sync;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.SchemaMismatch;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.KpiRule;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.ast.FieldRefs;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a run does when the CRM no longer has an object or field the rules read: the integration
 * is marked {@code needs_attention} (other integrations are not touched) and the run fails with a
 * message naming the field, the object and the KPIs that read it. Nothing of the cursor moves, so
 * the first run after the fix continues where the last good one stopped; that run puts the
 * integration back to {@code active}.
 */
final class SchemaDrift {

    private final IntegrationStore integrations;

    SchemaDrift(IntegrationStore integrations) {
        this.integrations = integrations;
    }

    /** Marks the integration and returns the failure the run ends with. */
    ScorelineException stop(Integration integration, RuleSet rules, SchemaMismatch mismatch) {
        integrations.setStatus(integration.organizationId(), integration.id(), IntegrationStatus.NEEDS_ATTENTION);
        return new ScorelineException(FailureKind.SCHEMA, message(integration.id(), rules, mismatch), mismatch);
    }

    /** A run got through: an integration that needed attention is active again. */
    void recovered(Integration integration) {
        if (integration.status() == IntegrationStatus.NEEDS_ATTENTION) {
            integrations.setStatus(integration.organizationId(), integration.id(), IntegrationStatus.ACTIVE);
        }
    }

    static String message(long integrationId, RuleSet rules, SchemaMismatch mismatch) {
        var object = mismatch.objectType().orElse("?");
        var what =
                mismatch.field().map(field -> "field " + object + "." + field).orElse("object " + object);
        var readers = readers(rules, mismatch);
        return "integration " + integrationId + " needs attention: the " + what
                + " that the rules read is gone from the CRM (deleted or renamed); KPIs that read it: "
                + (readers.isEmpty() ? "none found" : String.join(", ", readers))
                + ". Change the rules (`scoreline mapping set --integration " + integrationId
                + " --file FILE`) or restore the " + (mismatch.field().isPresent() ? "field" : "object")
                + "; the next run continues from its cursor. CRM answer: " + mismatch.getMessage();
    }

    /** The KPIs whose rules read the missing field (every KPI on the object when the object is gone). */
    static List<String> readers(RuleSet rules, SchemaMismatch mismatch) {
        var object = mismatch.objectType();
        return rules.rules().stream()
                .filter(rule -> object.isEmpty() || rule.objectType().equalsIgnoreCase(object.get()))
                .filter(rule ->
                        mismatch.field().map(field -> reads(rule, field)).orElse(true))
                .map(KpiRule::key)
                .toList();
    }

    private static boolean reads(KpiRule rule, String field) {
        var wanted = field.toLowerCase(Locale.ROOT);
        return fields(rule).stream()
                .map(f -> f.toLowerCase(Locale.ROOT))
                .anyMatch(f -> f.equals(wanted)
                        // A CRM may name the relationship (Owner) when a path through it (Owner.Email) is gone.
                        || f.startsWith(wanted + "."));
    }

    private static Set<String> fields(KpiRule rule) {
        var definition = rule.definition();
        var fields = new LinkedHashSet<String>();
        definition.when().ifPresent(w -> fields.addAll(FieldRefs.of(w)));
        definition.value().ifPresent(v -> fields.addAll(FieldRefs.of(v)));
        fields.add(definition.owner().path());
        fields.add(definition.date().path());
        return fields;
    }

    /** The mismatch, with the object being read when the CRM did not name one. */
    static ScorelineException onObject(ScorelineException e, String objectType) {
        return e instanceof SchemaMismatch mismatch ? mismatch.onObject(objectType) : e;
    }

    static Optional<SchemaMismatch> of(ScorelineException e) {
        return e instanceof SchemaMismatch mismatch ? Optional.of(mismatch) : Optional.empty();
    }
}
