package io.scoreline.pipeline.kpi;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.people.TeamSubtrees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Reads {@code kpi_values} for {@code kpi show}: totals per person and KPI, or per day. */
public final class KpiValueReader {

    private final TenantTransactions transactions;

    public KpiValueReader(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Totals per person and KPI over the window (all history without {@code from} and {@code to}),
     * or per person, KPI and day. Every KPI of the organization's catalog (ADR 0042) is read as it
     * means: stored sums in one grouped query; snapshots and derived KPIs through {@link
     * KpiMeasureReader}, one call per KPI for all the people. Derived KPIs are shown over the
     * window only, not per day.
     */
    public List<KpiTotal> totals(
            long organizationId,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Optional<String> profileEmail,
            boolean byDay) {
        Condition window = DSL.trueCondition();
        if (from.isPresent()) {
            window = window.and(KPI_VALUES.PERIOD_DATE.ge(from.get()));
        }
        if (to.isPresent()) {
            window = window.and(KPI_VALUES.PERIOD_DATE.le(to.get()));
        }
        var email = profileEmail.map(e -> e.strip().toLowerCase(java.util.Locale.ROOT));
        if (email.isPresent()) {
            window = window.and(PROFILES.EMAIL.eq(email.get()));
        }
        var condition = window;
        var sum = DSL.sum(KPI_VALUES.VALUE);
        var count = DSL.sum(KPI_VALUES.FACT_COUNT);
        return transactions.inOrganization(organizationId, tx -> {
            var catalog = KpiMeasureCatalog.of(tx, organizationId);
            if (byDay) {
                // A snapshot's one row per person and day is its value that day: nothing is summed.
                return tx.select(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE, sum, count)
                        .from(KPI_VALUES)
                        .join(PROFILES)
                        .on(PROFILES.ID.eq(KPI_VALUES.PROFILE_ID))
                        .where(condition)
                        .groupBy(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE)
                        .orderBy(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE)
                        .fetch(r -> new KpiTotal(
                                r.value1(),
                                r.value2(),
                                Optional.of(r.value3()),
                                strip(r.value4()),
                                r.value5().longValue(),
                                unit(catalog, r.value2()),
                                Optional.empty()));
            }
            var totals = new ArrayList<KpiTotal>();
            tx.select(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, sum, count)
                    .from(KPI_VALUES)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(KPI_VALUES.PROFILE_ID))
                    .where(condition)
                    .groupBy(PROFILES.EMAIL, KPI_VALUES.KPI_KEY)
                    .forEach(r -> {
                        var measure = catalog.get(r.value2());
                        if (measure == null || measure.formula() instanceof KpiFormula.Sum) {
                            totals.add(new KpiTotal(
                                    r.value1(),
                                    r.value2(),
                                    Optional.empty(),
                                    strip(r.value3()),
                                    r.value4().longValue(),
                                    unit(catalog, r.value2()),
                                    Optional.empty()));
                        }
                    });
            var measured = catalog.values().stream()
                    .filter(m -> !(m.formula() instanceof KpiFormula.Sum))
                    .toList();
            if (!measured.isEmpty()) {
                var people = tx.select(PROFILES.ID, PROFILES.EMAIL)
                        .from(PROFILES)
                        .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                        .and(email.map(PROFILES.EMAIL::eq).orElse(DSL.trueCondition()))
                        .fetchMap(PROFILES.ID, PROFILES.EMAIL);
                var first = from.orElse(FIRST_DAY);
                var last = to.orElse(LAST_DAY);
                for (var measure : measured) {
                    KpiMeasureReader.valuesByPerson(tx, organizationId, measure, people.keySet(), first, last)
                            .forEach((person, value) -> totals.add(total(people.get(person), measure, value)));
                }
            }
            totals.sort(Comparator.comparing(KpiTotal::profileEmail).thenComparing(KpiTotal::kpiKey));
            return totals;
        });
    }

    // "All history" for a reader that needs a window: before any CRM record, after any plan.
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static KpiTotal total(String email, KpiMeasure measure, MeasuredValue value) {
        return switch (value) {
            case MeasuredValue.Defined defined ->
                new KpiTotal(
                        email,
                        measure.key(),
                        Optional.empty(),
                        strip(defined.value()),
                        0,
                        measure.unit(),
                        Optional.empty());
            case MeasuredValue.Undefined undefined ->
                new KpiTotal(
                        email,
                        measure.key(),
                        Optional.empty(),
                        null,
                        0,
                        measure.unit(),
                        Optional.of(undefined.reason()));
        };
    }

    private static KpiUnit unit(Map<String, KpiMeasure> catalog, String kpi) {
        var measure = catalog.get(kpi);
        return measure == null ? KpiUnit.COUNT : measure.unit();
    }

    private static BigDecimal strip(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Totals per team and KPI, each team with all its sub-teams, by the teams people are in now.
     * Stored sums: one grouped query by (team, person, KPI); the roll-up up the tree is done here,
     * because an organization has tens of teams. Snapshots and derived KPIs are read through
     * {@link KpiMeasureReader} over the subtree's members together (the team rule of ADR 0042), for
     * every team with a member who has something to show, as {@code kpi show} shows a person.
     */
    public List<TeamKpiTotal> teamTotals(long organizationId, Optional<LocalDate> from, Optional<LocalDate> to) {
        Condition window = PROFILES.TEAM_ID.isNotNull();
        if (from.isPresent()) {
            window = window.and(KPI_VALUES.PERIOD_DATE.ge(from.get()));
        }
        if (to.isPresent()) {
            window = window.and(KPI_VALUES.PERIOD_DATE.le(to.get()));
        }
        var condition = window;
        var sum = DSL.sum(KPI_VALUES.VALUE);
        var count = DSL.sum(KPI_VALUES.FACT_COUNT);
        return transactions.inOrganization(organizationId, tx -> {
            var catalog = KpiMeasureCatalog.of(tx, organizationId);
            record Cell(long team, long profile, String kpi, BigDecimal value, long facts) {}
            var cells = tx
                    .select(PROFILES.TEAM_ID, PROFILES.ID, KPI_VALUES.KPI_KEY, sum, count)
                    .from(KPI_VALUES)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(KPI_VALUES.PROFILE_ID))
                    .where(condition)
                    .groupBy(PROFILES.TEAM_ID, PROFILES.ID, KPI_VALUES.KPI_KEY)
                    .fetch(r -> new Cell(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            r.value5().longValue()))
                    .stream()
                    .filter(c -> isStoredSum(catalog, c.kpi()))
                    .toList();
            var measured = catalog.values().stream()
                    .filter(m -> !(m.formula() instanceof KpiFormula.Sum))
                    .sorted(Comparator.comparing(KpiMeasure::key))
                    .toList();
            // Person → team, for everyone in a team: the members a team's formula is read over.
            Map<Long, Long> teamOf = measured.isEmpty()
                    ? Map.of()
                    : tx.select(PROFILES.ID, PROFILES.TEAM_ID)
                            .from(PROFILES)
                            .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                            .and(PROFILES.TEAM_ID.isNotNull())
                            .fetchMap(PROFILES.ID, PROFILES.TEAM_ID);
            var first = from.orElse(FIRST_DAY);
            var last = to.orElse(LAST_DAY);
            // Per derived KPI, the people with something to show in the window (one query each).
            var shownPeople = new java.util.HashMap<String, java.util.Set<Long>>();
            for (var measure : measured) {
                shownPeople.put(
                        measure.key(),
                        KpiMeasureReader.valuesByPerson(tx, organizationId, measure, teamOf.keySet(), first, last)
                                .keySet());
            }
            var totals = new java.util.ArrayList<TeamKpiTotal>();
            for (var subtree : TeamSubtrees.of(tx, organizationId)) {
                var teams = java.util.Set.copyOf(subtree.teamIds());
                var byKpi = new java.util.TreeMap<String, List<Cell>>();
                cells.stream()
                        .filter(c -> teams.contains(c.team()))
                        .forEach(c -> byKpi.computeIfAbsent(c.kpi(), k -> new java.util.ArrayList<>())
                                .add(c));
                var subtreeTotals = new java.util.ArrayList<TeamKpiTotal>();
                byKpi.forEach((kpi, list) -> subtreeTotals.add(new TeamKpiTotal(
                        subtree.name(),
                        subtree.depth(),
                        kpi,
                        strip(list.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add)),
                        list.stream().mapToLong(Cell::facts).sum(),
                        (int) list.stream().mapToLong(Cell::profile).distinct().count())));
                var members = teamOf.entrySet().stream()
                        .filter(e -> teams.contains(e.getValue()))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList();
                for (var measure : measured) {
                    int shown = (int) members.stream()
                            .filter(shownPeople.get(measure.key())::contains)
                            .count();
                    if (shown > 0) {
                        subtreeTotals.add(teamTotal(
                                subtree,
                                measure,
                                shown,
                                KpiMeasureReader.value(tx, organizationId, measure, members, first, last)));
                    }
                }
                subtreeTotals.sort(Comparator.comparing(TeamKpiTotal::kpiKey));
                totals.addAll(subtreeTotals);
            }
            return totals;
        });
    }

    private static boolean isStoredSum(Map<String, KpiMeasure> catalog, String kpi) {
        var measure = catalog.get(kpi);
        return measure == null || measure.formula() instanceof KpiFormula.Sum;
    }

    private static TeamKpiTotal teamTotal(
            TeamSubtrees.Subtree subtree, KpiMeasure measure, int people, MeasuredValue value) {
        return switch (value) {
            case MeasuredValue.Defined defined ->
                new TeamKpiTotal(
                        subtree.name(),
                        subtree.depth(),
                        measure.key(),
                        strip(defined.value()),
                        0,
                        people,
                        measure.unit(),
                        Optional.empty());
            case MeasuredValue.Undefined undefined ->
                new TeamKpiTotal(
                        subtree.name(),
                        subtree.depth(),
                        measure.key(),
                        null,
                        0,
                        people,
                        measure.unit(),
                        Optional.of(undefined.reason()));
        };
    }
}
