package io.scoreline.pipeline.kpi;

import static io.scoreline.pipeline.db.Tables.KPI_DEFINITIONS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import io.scoreline.pipeline.people.TeamSubtrees;
import io.scoreline.pipeline.tenancy.Organization;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads {@code kpi_values} grouped by person, KPI and day, week or month, one page at a time in
 * (person's e-mail, KPI, period) order, with the person, team and KPI checked in the same
 * transaction: a profile or team id the organization does not have is not found, a KPI it neither
 * defines nor has values for is refused.
 */
public final class KpiValueGroups {

    private final TenantTransactions transactions;

    public KpiValueGroups(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public KpiValuePage page(Organization organization, KpiValueQuery query, KpiWindow window) {
        var cursor = query.after().map(a -> KpiValueCursor.decode(a, query.group()));
        long org = organization.id();
        return transactions.inOrganization(org, tx -> {
            Condition condition =
                    KPI_VALUES.ORGANIZATION_ID.eq(org).and(KPI_VALUES.PERIOD_DATE.between(window.from(), window.to()));
            if (query.kpi().isPresent()) {
                requireKnownKpi(tx, org, query.kpi().get());
                condition = condition.and(KPI_VALUES.KPI_KEY.eq(query.kpi().get()));
            }
            if (query.profileId().isPresent()) {
                requireProfile(tx, org, query.profileId().get());
                condition =
                        condition.and(KPI_VALUES.PROFILE_ID.eq(query.profileId().get()));
            }
            if (query.teamId().isPresent()) {
                long team = query.teamId().get();
                var subtree = TeamSubtrees.of(tx, org).stream()
                        .filter(s -> s.teamId() == team)
                        .findFirst()
                        .orElseThrow(() -> ScorelineException.notFound("no team " + team));
                condition = condition.and(PROFILES.TEAM_ID.in(subtree.teamIds()));
            }
            var period = period(query.group(), organization);
            if (cursor.isPresent()) {
                condition = condition.and(after(cursor.get(), period));
            }
            var sum = DSL.sum(KPI_VALUES.VALUE);
            var count = DSL.sum(KPI_VALUES.FACT_COUNT);
            var select = new ArrayList<Field<?>>(List.of(PROFILES.ID, PROFILES.EMAIL, KPI_VALUES.KPI_KEY));
            period.ifPresent(select::add);
            var rows = tx.select(select)
                    .select(sum, count)
                    .from(KPI_VALUES)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(KPI_VALUES.PROFILE_ID))
                    .where(condition)
                    .groupBy(select)
                    .orderBy(select.subList(1, select.size()).toArray(Field[]::new))
                    .limit(query.limit() + 1)
                    .fetch(r -> new KpiValue(
                            r.get(PROFILES.ID),
                            r.get(PROFILES.EMAIL),
                            r.get(KPI_VALUES.KPI_KEY),
                            period.map(r::get),
                            strip(r.get(sum)),
                            r.get(count).longValue()));
            var more = rows.size() > query.limit();
            var values = more ? rows.subList(0, query.limit()) : rows;
            var next = more ? Optional.of(KpiValueCursor.after(values.getLast()).encode()) : Optional.<String>empty();
            return new KpiValuePage(window, query.group(), values, next);
        });
    }

    /** The first day of each row's group; empty for the whole window. */
    private static Optional<Field<LocalDate>> period(KpiGrouping group, Organization organization) {
        var day = KPI_VALUES.PERIOD_DATE;
        return switch (group) {
            case DAY -> Optional.of(day);
            // date - integer is a date; isodow is 1 (Monday) to 7 (Sunday), as DayOfWeek#getValue.
            case WEEK ->
                Optional.of(DSL.field(
                        "({0} - ((cast(extract(isodow from {0}) as integer) - {1} + 7) % 7))",
                        SQLDataType.LOCALDATE,
                        day,
                        DSL.inline(organization.weekStart().getValue())));
            case MONTH -> Optional.of(DSL.field("cast(date_trunc('month', {0}) as date)", SQLDataType.LOCALDATE, day));
            case WINDOW -> Optional.empty();
        };
    }

    private static Condition after(KpiValueCursor cursor, Optional<Field<LocalDate>> period) {
        if (period.isPresent() && cursor.period().isPresent()) {
            return DSL.row(PROFILES.EMAIL, KPI_VALUES.KPI_KEY, period.get())
                    .gt(cursor.profileEmail(), cursor.kpiKey(), cursor.period().get());
        }
        return DSL.row(PROFILES.EMAIL, KPI_VALUES.KPI_KEY).gt(cursor.profileEmail(), cursor.kpiKey());
    }

    private static void requireKnownKpi(DSLContext tx, long org, String kpi) {
        // Groups here are sums of daily cells; a snapshot's value over a group of days is its value
        // on the group's last day, which kpi_values does not hold (ADR 0043).
        if (KpiMeasureCatalog.of(tx, org).get(kpi) instanceof KpiMeasure m
                && m.formula() instanceof KpiFormula.Snapshot) {
            throw new KpiInputRefused(
                    "kpi",
                    "'" + kpi + "' is a snapshot KPI (a state at the end of each day, never summed over days):"
                            + " kpi-values sums daily values, so it does not serve it; its value at a day is"
                            + " in kpi-values/totals and kpi show, over a window ending that day");
        }
        var known = tx.fetchExists(
                        KPI_DEFINITIONS, KPI_DEFINITIONS.ORGANIZATION_ID.eq(org).and(KPI_DEFINITIONS.KEY.eq(kpi)))
                || tx.fetchExists(KPI_VALUES, KPI_VALUES.ORGANIZATION_ID.eq(org).and(KPI_VALUES.KPI_KEY.eq(kpi)));
        if (!known) {
            throw new KpiInputRefused(
                    "kpi", "no KPI '" + kpi + "' in this organization (neither defined nor with values)");
        }
    }

    private static void requireProfile(DSLContext tx, long org, long profileId) {
        if (!tx.fetchExists(PROFILES, PROFILES.ORGANIZATION_ID.eq(org).and(PROFILES.ID.eq(profileId)))) {
            throw ScorelineException.notFound("no profile " + profileId);
        }
    }

    private static BigDecimal strip(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
