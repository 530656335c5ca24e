package io.scoreline.pipeline.rules;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.CrmRecords;
import io.scoreline.mappings.EvaluationWarning;
import io.scoreline.mappings.Fact;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule document checked before anyone relies on it: validated against the stock field catalog
 * of its CRM or against an integration's catalog (what every stored rule set has passed, whoever
 * stored it), and tried
 * on records as the CRM's API returns them. Needs no database and acts in no organization.
 */
@Singleton
public final class RuleDocumentCheck {

    @Inject
    public RuleDocumentCheck() {}

    /** The facts and warnings of one record. */
    public record RecordFacts(String recordId, List<Fact> facts, List<EvaluationWarning> warnings) {
        public RecordFacts {
            facts = List.copyOf(facts);
            warnings = List.copyOf(warnings);
        }
    }

    /** @param provider the CRM it must be written for; empty takes the document's own provider line */
    public CompileResult validate(String document, Optional<CrmProvider> provider) {
        return MappingCompiler.compile(document, provider, FieldCatalog::stock);
    }

    /**
     * Validated against {@code catalog} (an integration's effective catalog, or one read from a
     * catalog file): the document must be written for the catalog's CRM.
     */
    public CompileResult validate(String document, FieldCatalog catalog) {
        return MappingCompiler.compile(document, Optional.of(catalog.provider()), provider -> catalog);
    }

    /**
     * The facts a compiled document derives from one record.
     *
     * @param objectType the object type of a record that does not name its own (HubSpot lines without {@code objectType})
     * @throws IllegalArgumentException when the object is not a record of the rule set's CRM
     */
    public RecordFacts tryOn(RuleSet ruleSet, Map<String, ?> apiObject, Optional<String> objectType, ZoneId zone) {
        var record = CrmRecords.fromApiObject(ruleSet.provider(), apiObject, objectType);
        var warnings = new ArrayList<EvaluationWarning>();
        var facts = ruleSet.evaluate(record, zone, warnings::add);
        return new RecordFacts(record.recordId(), facts, warnings);
    }
}
