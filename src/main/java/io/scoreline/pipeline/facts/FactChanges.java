package io.scoreline.pipeline.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between the facts stored for a page of records and the facts those records
 * give now: rows to write, rows to delete, and the resulting deltas per KPI cell. Pure: it
 * reads nothing and writes nothing, so replay behaviour is tested without a database.
 */
public final class FactChanges {

    /** The running change of one cell: value and number of facts. */
    public record Delta(BigDecimal value, int count) {
        Delta plus(BigDecimal v, int c) {
            return new Delta(value.add(v), count + c);
        }

        boolean isZero() {
            return count == 0 && value.signum() == 0;
        }
    }

    private final List<StoredFact> inserts = new ArrayList<>();
    private final List<StoredFact> updates = new ArrayList<>();
    private final List<StoredFact> deletes = new ArrayList<>();
    private final Map<KpiCell, Delta> deltas = new LinkedHashMap<>();
    // Cells whose set of distinct values may have changed although value and count need not
    // have (a call moved to another account, or two records swapping accounts): a distinct count
    // over them must still be re-judged, so they are touched too (ADR 0042).
    private final Set<KpiCell> distinctTouched = new LinkedHashSet<>();

    /**
     * Compares one record's stored facts with its new ones (both keyed by KPI). A deleted record
     * passes no new facts, which retracts all it had contributed.
     */
    public void compare(Map<String, StoredFact> before, Map<String, StoredFact> after) {
        for (var entry : before.entrySet()) {
            var now = after.get(entry.getKey());
            if (now == null) {
                deletes.add(entry.getValue());
                subtract(entry.getValue());
                touchDistinct(entry.getValue());
            } else if (!now.sameAs(entry.getValue())) {
                updates.add(now);
                subtract(entry.getValue());
                add(now);
                if (!now.sameDistinctCellAs(entry.getValue())) {
                    touchDistinct(entry.getValue());
                    touchDistinct(now);
                }
            }
        }
        for (var entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                inserts.add(entry.getValue());
                add(entry.getValue());
                touchDistinct(entry.getValue());
            }
        }
    }

    /** A changed fact with a distinct value touches its cell even when the deltas there cancel out. */
    private void touchDistinct(StoredFact fact) {
        if (fact.distinctValue() != null && fact.profileId() != null) {
            distinctTouched.add(new KpiCell(fact.profileId(), fact.kpiKey(), fact.localDate()));
        }
    }

    private void add(StoredFact fact) {
        apply(fact, fact.value(), 1);
    }

    private void subtract(StoredFact fact) {
        apply(fact, fact.value().negate(), -1);
    }

    /** Facts of unmatched owners (no profile) are kept but count towards no KPI cell. */
    private void apply(StoredFact fact, BigDecimal value, int count) {
        if (fact.profileId() == null) {
            return;
        }
        var cell = new KpiCell(fact.profileId(), fact.kpiKey(), fact.localDate());
        deltas.merge(cell, new Delta(value, count), (a, b) -> a.plus(b.value(), b.count()));
    }

    /** Facts the records did not have before. */
    public List<StoredFact> inserts() {
        return inserts;
    }

    /** Facts the records had, now with another value, date or owner. */
    public List<StoredFact> updates() {
        return updates;
    }

    public List<StoredFact> deletes() {
        return deletes;
    }

    /** Deltas that change something; a move out of and back into a cell cancels out. */
    public Map<KpiCell, Delta> deltas() {
        var nonZero = new LinkedHashMap<KpiCell, Delta>();
        deltas.forEach((cell, delta) -> {
            if (!delta.isZero()) {
                nonZero.put(cell, delta);
            }
        });
        return nonZero;
    }

    /**
     * Cells whose value, fact count or distinct values changed: each gets one outbox row. A cell
     * whose facts only changed their distinct value has no delta but is touched.
     */
    public List<KpiCell> touchedCells() {
        var touched = new LinkedHashSet<>(deltas().keySet());
        touched.addAll(distinctTouched);
        return List.copyOf(touched);
    }

    public int factsChanged() {
        return inserts.size() + updates.size() + deletes.size();
    }
}
