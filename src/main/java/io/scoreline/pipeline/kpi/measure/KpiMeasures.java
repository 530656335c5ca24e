package io.scoreline.pipeline.kpi.measure;

import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The KPIs of one organization as {@link KpiMeasureCatalog} compiled them, with the reverse index
 * the evaluator needs on every change: which KPIs read a stored KPI. Immutable; shared by every
 * consumer of one organization's changes through {@link KpiMeasureCache}.
 *
 * <p>A key the catalog does not know (say, a contest on a KPI whose rule was removed) reads as a
 * stored sum, as the catalog itself would list it once it has values.
 */
public final class KpiMeasures {

    private final Map<String, KpiMeasure> byKey;
    private final Map<String, KpiMeasure> derived;
    private final Map<String, Set<String>> readersByInput = new HashMap<>();

    public KpiMeasures(Map<String, KpiMeasure> byKey) {
        this.byKey = Map.copyOf(byKey);
        this.derived = byKey.values().stream()
                .filter(KpiMeasure::derived)
                .collect(Collectors.toUnmodifiableMap(KpiMeasure::key, m -> m));
        byKey.values()
                .forEach(m -> m.inputs()
                        .forEach(input -> readersByInput
                                .computeIfAbsent(input, k -> new TreeSet<>())
                                .add(m.key())));
    }

    /** The measure {@code key} is read by; a stored sum when the catalog does not know it. */
    public KpiMeasure of(String key) {
        var measure = byKey.get(key);
        return measure != null ? measure : KpiMeasure.stored(key, KpiUnit.COUNT);
    }

    /** The KPI keys whose value a change of the stored KPI {@code input} can change, itself included. */
    public Set<String> reading(String input) {
        var keys = new TreeSet<>(readersByInput.getOrDefault(input, Set.of()));
        keys.add(input);
        return keys;
    }

    /** The derived KPIs (ratio, average, distinct count, weighted sum, scorecard), by key. */
    public Map<String, KpiMeasure> derived() {
        return derived;
    }

    /** Every KPI the catalog knows, by key. */
    public Map<String, KpiMeasure> all() {
        return byKey;
    }
}
