package io.scoreline.pipeline.kpi;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.pipeline.database.TenantTransactions;
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
}
