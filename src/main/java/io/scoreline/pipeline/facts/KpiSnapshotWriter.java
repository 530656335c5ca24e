package io.scoreline.pipeline.facts;

import static io.scoreline.pipeline.db.Tables.KPI_SNAPSHOTS;
import static io.scoreline.pipeline.db.Tables.ORGANIZATIONS;

import io.scoreline.pipeline.database.BinaryArrayParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Writes the {@code kpi_snapshots} row of the organization's current day for every person whose
 * snapshot facts a page changed (ADR 0043): the person's value is the sum of all their current
 * facts of that KPI, recomputed from {@code kpi_facts} (never from deltas, so a replay, a remap or
 * a record deleted in the CRM all land on the same value). Rows of days that have ended are never
 * written again. A changed value enqueues one {@code kpi_changes} row for the current day, with
 * the page's origin, so backfilled states never notify.
 */
final class KpiSnapshotWriter {

    /** The order persons' snapshots are locked in, like {@link KpiValueDeltas#LOCK_ORDER}. */
    private static final Comparator<Subject> LOCK_ORDER =
            Comparator.comparingLong(Subject::profileId).thenComparing(Subject::kpiKey);

    // Two-key advisory locks in the snapshots' own namespace (Flyway uses the one-key form). Two
    // pages of the same person's snapshot facts could otherwise each sum without the other's
    // uncommitted facts and the later commit would keep a stale total; under the lock the second
    // page's sum (read committed: a new snapshot per statement) sees the first page's facts.
    // unnest with ordinality yields array order, which is LOCK_ORDER.
    private static final String LOCK = """
            select pg_advisory_xact_lock(hashtext('scoreline.snapshot'), hashtext({0} || ':' || s.profile_id || ':' || s.kpi_key))
              from unnest({1}, {2}) with ordinality as s(profile_id, kpi_key, ord)
             order by s.ord""";

    private static final String TOTALS = """
            select s.profile_id, s.kpi_key, coalesce(sum(f.value), 0), count(f.value)
              from unnest({1}, {2}) as s(profile_id, kpi_key)
              left join kpi_facts f
                on f.organization_id = {0} and f.profile_id = s.profile_id and f.kpi_key = s.kpi_key
             group by s.profile_id, s.kpi_key""";

    // The value each person's snapshot has now: their latest row up to today.
    private static final String LATEST = """
            select distinct on (k.profile_id, k.kpi_key) k.profile_id, k.kpi_key, k.value, k.fact_count
              from kpi_snapshots k
              join unnest({1}, {2}) as s(profile_id, kpi_key)
                on k.organization_id = {0} and k.kpi_key = s.kpi_key and k.profile_id = s.profile_id
             where k.period_date <= {3}
             order by k.profile_id, k.kpi_key, k.period_date desc""";

    // updated_at is the writer's clock, not the database's: it is when the value was taken, which
    // ranks equal snapshot scores in a contest (the one that had it first leads, ADR 0045).
    private static final String UPSERT = """
            insert into kpi_snapshots (organization_id, kpi_key, profile_id, period_date, value, fact_count, updated_at)
            select {0}, s.kpi_key, s.profile_id, {3}, s.value::numeric, s.fact_count, {6}
              from unnest({1}, {2}, {4}, {5}) with ordinality as s(profile_id, kpi_key, value, fact_count, ord)
             order by s.ord
            on conflict (organization_id, kpi_key, profile_id, period_date) do update
               set value = excluded.value, fact_count = excluded.fact_count, updated_at = excluded.updated_at""";

    private static final String ENQUEUE = """
            insert into kpi_changes (organization_id, profile_id, kpi_key, period_date, origin, notify)
            select {0}, s.profile_id, s.kpi_key, {3}, {4}, {5}
              from unnest({1}, {2}) as s(profile_id, kpi_key)""";

    private KpiSnapshotWriter() {}

    /**
     * The snapshot KPIs among the page's changed ones: those the rules call snapshots, and those
     * already having snapshot rows, so that the facts of a snapshot rule since removed or renamed
     * away are retracted from its snapshots, never subtracted from additive cells they were never in.
     */
    static Set<String> snapshotKpis(DSLContext tx, long organizationId, FactChanges changes, Set<String> ruled) {
        var changed = new HashSet<String>();
        changes.deltas().keySet().forEach(cell -> changed.add(cell.kpiKey()));
        if (changed.isEmpty()) {
            return Set.of();
        }
        var snapshots = new HashSet<String>();
        for (var key : changed) {
            if (ruled.contains(key)) {
                snapshots.add(key);
            }
        }
        changed.removeAll(snapshots);
        if (!changed.isEmpty()) {
            snapshots.addAll(tx.selectDistinct(KPI_SNAPSHOTS.KPI_KEY)
                    .from(KPI_SNAPSHOTS)
                    .where(KPI_SNAPSHOTS.ORGANIZATION_ID.eq(organizationId))
                    .and(KPI_SNAPSHOTS.KPI_KEY.eq(DSL.any(BinaryArrayParam.varchars(changed.toArray(String[]::new)))))
                    .fetch(KPI_SNAPSHOTS.KPI_KEY));
        }
        return snapshots;
    }

    static void write(
            DSLContext tx,
            long organizationId,
            FactChanges changes,
            Set<String> snapshotKpis,
            ChangeOrigin origin,
            Clock clock) {
        if (snapshotKpis.isEmpty()) {
            return;
        }
        var subjects = new TreeSet<>(LOCK_ORDER);
        changes.deltas().keySet().stream()
                .filter(cell -> snapshotKpis.contains(cell.kpiKey()))
                .forEach(cell -> subjects.add(new Subject(cell.profileId(), cell.kpiKey())));
        if (subjects.isEmpty()) {
            return;
        }
        var today = today(tx, organizationId, clock);
        var profiles = BinaryArrayParam.bigints(
                subjects.stream().map(Subject::profileId).toArray(Long[]::new));
        var keys =
                BinaryArrayParam.varchars(subjects.stream().map(Subject::kpiKey).toArray(String[]::new));
        var org = DSL.val(organizationId);
        tx.resultQuery(LOCK, org, profiles, keys).fetch();
        var latest = new HashMap<Subject, Snapshot>();
        tx.resultQuery(LATEST, org, profiles, keys, DSL.val(today))
                .forEach(r -> latest.put(
                        new Subject(r.get(0, Long.class), r.get(1, String.class)),
                        new Snapshot(r.get(2, BigDecimal.class), r.get(3, Integer.class))));
        var now = new HashMap<Subject, Snapshot>();
        tx.resultQuery(TOTALS, org, profiles, keys)
                .forEach(r -> now.put(
                        new Subject(r.get(0, Long.class), r.get(1, String.class)),
                        new Snapshot(r.get(2, BigDecimal.class), r.get(3, Integer.class))));
        var changed = new ArrayList<Subject>();
        for (var subject : subjects) {
            var before = latest.get(subject);
            if (before == null || !before.sameAs(now.get(subject))) {
                changed.add(subject);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        write(tx, org, today, clock.instant(), changed, now, origin);
    }

    private static void write(
            DSLContext tx,
            org.jooq.Param<Long> org,
            LocalDate today,
            java.time.Instant takenAt,
            List<Subject> changed,
            Map<Subject, Snapshot> now,
            ChangeOrigin origin) {
        int n = changed.size();
        var profileIds = new Long[n];
        var kpiKeys = new String[n];
        var values = new BigDecimal[n];
        var counts = new Integer[n];
        for (int i = 0; i < n; i++) {
            var subject = changed.get(i);
            profileIds[i] = subject.profileId();
            kpiKeys[i] = subject.kpiKey();
            values[i] = now.get(subject).value();
            counts[i] = now.get(subject).factCount();
        }
        var profiles = BinaryArrayParam.bigints(profileIds);
        var keys = BinaryArrayParam.varchars(kpiKeys);
        tx.execute(
                UPSERT,
                org,
                profiles,
                keys,
                DSL.val(today),
                BinaryArrayParam.decimals(values),
                BinaryArrayParam.integers(counts),
                DSL.val(takenAt.atOffset(java.time.ZoneOffset.UTC), SQLDataType.TIMESTAMPWITHTIMEZONE));
        tx.execute(
                ENQUEUE,
                org,
                profiles,
                keys,
                DSL.val(today),
                DSL.val(origin.key(), SQLDataType.VARCHAR),
                DSL.val(origin.notifies()));
    }

    /** The organization's current local day: the day whose end the snapshot row describes. */
    private static LocalDate today(DSLContext tx, long organizationId, Clock clock) {
        var zone = tx.select(ORGANIZATIONS.TIMEZONE)
                .from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchSingle(ORGANIZATIONS.TIMEZONE);
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));
    }

    private record Subject(long profileId, String kpiKey) {}

    private record Snapshot(BigDecimal value, int factCount) {
        boolean sameAs(Snapshot other) {
            return value.compareTo(other.value) == 0 && factCount == other.factCount;
        }
    }
}
