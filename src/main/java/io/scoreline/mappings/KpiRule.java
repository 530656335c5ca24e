package io.scoreline.mappings;

import io.scoreline.mappings.ast.FieldRefs;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.check.RuleDocumentText;
import io.scoreline.mappings.eval.ConditionCompiler;
import io.scoreline.mappings.eval.ConditionNode;
import io.scoreline.mappings.eval.DivisionByZero;
import io.scoreline.mappings.eval.FieldReader;
import io.scoreline.mappings.eval.TimestampParser;
import io.scoreline.mappings.eval.ValueCoercion;
import io.scoreline.mappings.eval.ValueCompiler;
import io.scoreline.mappings.eval.ValueNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One compiled KPI rule: its checked definition and the trees that evaluate it. */
public final class KpiRule {

    private final KpiDefinition definition;
    private final ConditionNode condition;
    private final ValueNode value;
    private final FieldReader owner;
    private final FieldReader date;
    // Null when the rule has no `distinct:` field: its facts then cost nothing more.
    private final FieldReader distinct;
    private final FieldType dateType;
    private final List<FieldReader> valueFields;

    KpiRule(KpiDefinition definition) {
        this.definition = definition;
        this.condition = definition.when().map(ConditionCompiler::compile).orElse(fields -> true);
        this.value = definition.value().map(ValueCompiler::compile).orElse(fields -> BigDecimal.ONE);
        this.owner = new FieldReader(definition.owner().path());
        this.date = new FieldReader(definition.date().path());
        this.distinct =
                definition.distinct().map(f -> new FieldReader(f.path())).orElse(null);
        this.dateType = definition.date().type();
        this.valueFields = definition.value().map(FieldRefs::of).orElse(java.util.Set.of()).stream()
                .map(FieldReader::new)
                .toList();
    }

    public String key() {
        return definition.key();
    }

    public String objectType() {
        return definition.objectType();
    }

    /** The checked rule: condition and value trees (used by the push-down compilers), owner and date fields. */
    public KpiDefinition definition() {
        return definition;
    }

    /**
     * The fields this rule reads: its condition, value, owner, date and the field it counts
     * distinct values of (catalog spelling, case ignored).
     */
    public java.util.Set<String> fieldsRead() {
        var set = new java.util.TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        definition.when().ifPresent(w -> set.addAll(FieldRefs.of(w)));
        definition.value().ifPresent(v -> set.addAll(FieldRefs.of(v)));
        set.add(definition.owner().path());
        set.add(definition.date().path());
        definition.distinct().ifPresent(d -> set.add(d.path()));
        return java.util.Collections.unmodifiableSet(set);
    }

    /** This rule's block of the canonical document. */
    public String canonicalText() {
        return RuleDocumentText.rule(definition, "");
    }

    /** Whether the record satisfies {@code when} (the object type is not checked). */
    public boolean matches(MappingRecord record) {
        try {
            return condition.test(record.fields());
        } catch (DivisionByZero e) {
            return false;
        }
    }

    /** The fact this rule derives from the record, or empty (with a warning when it matched but could not). */
    public Optional<Fact> evaluate(MappingRecord record, ZoneId zone, Consumer<EvaluationWarning> warnings) {
        var fields = record.fields();
        try {
            if (!condition.test(fields)) {
                return Optional.empty();
            }
            if (!(value.value(fields) instanceof BigDecimal amount)) {
                warnings.accept(warning(record, "value is null or not a number" + valueInputs(fields)));
                return Optional.empty();
            }
            return dated(record, amount, zone, warnings);
        } catch (DivisionByZero e) {
            warnings.accept(warning(record, "division by zero in value" + valueInputs(fields)));
            return Optional.empty();
        }
    }

    private Optional<Fact> dated(
            MappingRecord record, BigDecimal amount, ZoneId zone, Consumer<EvaluationWarning> warnings) {
        var raw = date.read(record.fields());
        LocalDate day;
        Instant instant = null;
        if (dateType == FieldType.DATE || (raw instanceof String s && TimestampParser.isDateOnly(s.trim()))) {
            day = TimestampParser.date(raw);
        } else {
            instant = TimestampParser.instant(raw);
            day = instant == null ? null : LocalDate.ofInstant(instant, zone);
        }
        if (day == null) {
            warnings.accept(warning(record, "no usable date in " + date.path() + " (" + show(raw) + ")"));
            return Optional.empty();
        }
        var ownerRaw = owner.read(record.fields());
        var ownerId = ownerRaw == null ? null : ValueCoercion.string(ownerRaw);
        if (ownerId != null && ownerId.isBlank()) {
            ownerId = null;
        }
        return Optional.of(new Fact(
                key(),
                objectType(),
                record.recordId(),
                ownerId,
                day,
                instant,
                normalized(amount),
                distinctValue(record)));
    }

    private String distinctValue(MappingRecord record) {
        if (distinct == null) {
            return null;
        }
        var raw = distinct.read(record.fields());
        var text = raw == null ? null : ValueCoercion.string(raw);
        return text == null || text.isBlank() ? null : text;
    }

    /** Equal values get equal representations, so stored facts diff cleanly (2.50 and 2.5 are one value). */
    private static BigDecimal normalized(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private String valueInputs(java.util.Map<String, Object> fields) {
        if (valueFields.isEmpty()) {
            return "";
        }
        return valueFields.stream()
                .map(f -> f.path() + " = " + show(f.read(fields)))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String show(Object raw) {
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }

    private EvaluationWarning warning(MappingRecord record, String message) {
        return new EvaluationWarning(key(), objectType(), record.recordId(), message);
    }
}
