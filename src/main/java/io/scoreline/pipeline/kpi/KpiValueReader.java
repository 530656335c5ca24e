package io.scoreline.pipeline.kpi;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.people.TeamSubtrees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Reads {@code kpi_values} for {@code kpi show}: totals per person and KPI, or per day. */
public final class KpiValueReader {

    private final TenantTransactions transactions;

    public KpiValueReader(TenantTransactions transactions) {
        this.transactions = transactions;
    }

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
        if (profileEmail.isPresent()) {
            window = window.and(PROFILES.EMAIL.eq(profileEmail.get().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        var condition = window;
        var sum = DSL.sum(KPI_VALUES.VALUE);
        var count = DSL.sum(KPI_VALUES.FACT_COUNT);
        return transactions.inOrganization(organizationId, tx -> {
            if (byDay) {
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
                                r.value5().longValue()));
            }
            return tx.select(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, sum, count)
                    .from(KPI_VALUES)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(KPI_VALUES.PROFILE_ID))
                    .where(condition)
                    .groupBy(PROFILES.EMAIL, KPI_VALUES.KPI_KEY)
                    .orderBy(PROFILES.EMAIL, KPI_VALUES.KPI_KEY)
                    .fetch(r -> new KpiTotal(
                            r.value1(),
                            r.value2(),
                            Optional.empty(),
                            strip(r.value3()),
                            r.value4().longValue()));
        });
    }

    private static BigDecimal strip(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Totals per team and KPI, each team with all its sub-teams, by the teams people are in now.
     * One grouped query by (team, person, KPI); the roll-up up the tree is done here, because an
     * organization has tens of teams.
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
            record Cell(long team, long profile, String kpi, BigDecimal value, long facts) {}
            var cells = tx.select(PROFILES.TEAM_ID, PROFILES.ID, KPI_VALUES.KPI_KEY, sum, count)
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
                            r.value5().longValue()));
            var totals = new java.util.ArrayList<TeamKpiTotal>();
            for (var subtree : TeamSubtrees.of(tx, organizationId)) {
                var teams = java.util.Set.copyOf(subtree.teamIds());
                var byKpi = new java.util.TreeMap<String, List<Cell>>();
                cells.stream()
                        .filter(c -> teams.contains(c.team()))
                        .forEach(c -> byKpi.computeIfAbsent(c.kpi(), k -> new java.util.ArrayList<>())
                                .add(c));
                byKpi.forEach((kpi, list) -> totals.add(new TeamKpiTotal(
                        subtree.name(),
                        subtree.depth(),
                        kpi,
                        strip(list.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add)),
                        list.stream().mapToLong(Cell::facts).sum(),
                        (int) list.stream().mapToLong(Cell::profile).distinct().count())));
            }
            return totals;
        });
    }
}
