package io.scoreline.pipeline.facts;

import io.scoreline.pipeline.database.BinaryArrayParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Applies a page's fact changes to the daily {@code kpi_values} cells and enqueues one
 * {@code kpi_changes} row per touched cell (a changed value or count, or changed distinct values). Set-based: the cells travel as arrays.
 */
final class KpiValueDeltas {

    /**
     * The order in which every writer locks cells: the cells arrive sorted by it and are upserted
     * in array order, so two pages touching the same cells lock them in one order and never
     * deadlock (PostgreSQL's own sort of text would follow the database collation, which Java's
     * string order need not match, hence the explicit array position).
     */
    static final Comparator<KpiCell> LOCK_ORDER = Comparator.comparingLong(KpiCell::profileId)
            .thenComparing(KpiCell::kpiKey)
            .thenComparing(KpiCell::date);

    // Cells travel in PostgreSQL's binary array format (ADR 0014): dates as days since the epoch,
    // amounts as decimal strings.
    private static final String ADD = """
            insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count)
            select {0}, d.profile_id, d.kpi_key, date '1970-01-01' + d.epoch_day, d.value::numeric, d.fact_count
              from unnest({1}, {2}, {3}, {4}, {5}) with ordinality as d(profile_id, kpi_key, epoch_day, value, fact_count, ord)
             order by d.ord
            on conflict (organization_id, profile_id, kpi_key, period_date) do update
               set value = kpi_values.value + excluded.value, fact_count = kpi_values.fact_count + excluded.fact_count,
                   updated_at = current_timestamp""";

    // A cell with no facts left is dropped rather than kept at zero.
    private static final String DROP_EMPTY = """
            delete from kpi_values v
             using unnest({1}, {2}, {3}) as c(profile_id, kpi_key, epoch_day)
             where v.organization_id = {0} and v.fact_count = 0
               and v.profile_id = c.profile_id and v.kpi_key = c.kpi_key and v.period_date = date '1970-01-01' + c.epoch_day""";

    private static final String ENQUEUE = """
            insert into kpi_changes (organization_id, profile_id, kpi_key, period_date, origin, notify)
            select {0}, c.profile_id, c.kpi_key, date '1970-01-01' + c.epoch_day, {4}, {5}
              from unnest({1}, {2}, {3}) as c(profile_id, kpi_key, epoch_day)""";

    private KpiValueDeltas() {}

    /** @param snapshotKpis KPIs whose facts are a state, never summed into cells (ADR 0043): skipped here */
    static void apply(
            DSLContext tx, long organizationId, FactChanges changes, Set<String> snapshotKpis, ChangeOrigin origin) {
        var deltas = new TreeMap<KpiCell, FactChanges.Delta>(LOCK_ORDER);
        changes.deltas().forEach((cell, delta) -> {
            if (!snapshotKpis.contains(cell.kpiKey())) {
                deltas.put(cell, delta);
            }
        });
        // Cells with no delta whose distinct values changed get an outbox row only (ADR 0042).
        var touched = new TreeSet<KpiCell>(LOCK_ORDER);
        for (var cell : changes.touchedCells()) {
            if (!snapshotKpis.contains(cell.kpiKey())) {
                touched.add(cell);
            }
        }
        if (!deltas.isEmpty()) {
            add(tx, organizationId, deltas);
        }
        if (touched.isEmpty()) {
            return;
        }
        int n = touched.size();
        var profileIds = new Long[n];
        var kpiKeys = new String[n];
        var dates = new LocalDate[n];
        int i = 0;
        for (var cell : touched) {
            profileIds[i] = cell.profileId();
            kpiKeys[i] = cell.kpiKey();
            dates[i] = cell.date();
            i++;
        }
        tx.execute(
                ENQUEUE,
                DSL.val(organizationId),
                BinaryArrayParam.bigints(profileIds),
                BinaryArrayParam.varchars(kpiKeys),
                BinaryArrayParam.epochDays(dates),
                DSL.val(origin.key(), SQLDataType.VARCHAR),
                DSL.val(origin.notifies()));
    }

    private static void add(DSLContext tx, long organizationId, TreeMap<KpiCell, FactChanges.Delta> deltas) {
        int n = deltas.size();
        var profileIds = new Long[n];
        var kpiKeys = new String[n];
        var dates = new LocalDate[n];
        var values = new BigDecimal[n];
        var counts = new Integer[n];
        boolean factsRemoved = false;
        int i = 0;
        for (Map.Entry<KpiCell, FactChanges.Delta> entry : deltas.entrySet()) {
            profileIds[i] = entry.getKey().profileId();
            kpiKeys[i] = entry.getKey().kpiKey();
            dates[i] = entry.getKey().date();
            values[i] = entry.getValue().value();
            counts[i] = entry.getValue().count();
            factsRemoved |= counts[i] < 0;
            i++;
        }
        var profiles = BinaryArrayParam.bigints(profileIds);
        var keys = BinaryArrayParam.varchars(kpiKeys);
        var days = BinaryArrayParam.epochDays(dates);
        tx.execute(
                ADD,
                DSL.val(organizationId),
                profiles,
                keys,
                days,
                BinaryArrayParam.decimals(values),
                BinaryArrayParam.integers(counts));
        // Cells are never stored empty, so only a page that removed facts can empty one; a first
        // backfill only adds, and skips this join of every touched cell.
        if (factsRemoved) {
            tx.execute(DROP_EMPTY, DSL.val(organizationId), profiles, keys, days);
        }
    }
}
