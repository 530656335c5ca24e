package io.scoreline.pipeline.facts;

import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.mappings.EvaluationWarning;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.RuleSet;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Derives facts with a compiled rule set, bucketing dates into the organization's time zone. */
public final class RuleSetFactDeriver implements FactDeriver {

    private final RuleSet ruleSet;
    private final ZoneId zone;
    private final Long ruleSetId;
    private final Consumer<EvaluationWarning> warnings;
    // By lower-case object type: the rules name objects ignoring case.
    private final Map<String, Set<String>> fieldsByObject = new HashMap<>();

    public RuleSetFactDeriver(RuleSet ruleSet, ZoneId zone, Long ruleSetId, Consumer<EvaluationWarning> warnings) {
        this.ruleSet = ruleSet;
        this.zone = zone;
        this.ruleSetId = ruleSetId;
        this.warnings = warnings;
        ruleSet.fieldsByObject()
                .forEach((object, fields) -> fieldsByObject.put(object.toLowerCase(Locale.ROOT), fields));
    }

    @Override
    public List<DerivedFact> derive(CrmRecord record) {
        var facts = ruleSet.evaluate(
                new MappingRecord(record.objectType(), record.recordId(), record.fields()), zone, warnings);
        return facts.stream()
                .map(f -> new DerivedFact(f.kpi(), f.owner(), f.date(), f.occurredAt(), f.value(), f.distinctValue()))
                .toList();
    }

    @Override
    public Set<String> fieldsRead(String objectType) {
        return fieldsByObject.getOrDefault(objectType.toLowerCase(Locale.ROOT), Set.of());
    }

    @Override
    public Long ruleSetId() {
        return ruleSetId;
    }
}
