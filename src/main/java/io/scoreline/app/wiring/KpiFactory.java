package io.scoreline.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.KpiValueGroups;
import jakarta.inject.Singleton;

/** Wires the reader of grouped KPI values (the API's {@code /kpi-values}); the use case KpiValues is a bean of its own. */
@Factory
public class KpiFactory {

    @Singleton
    KpiValueGroups kpiValueGroups(TenantTransactions transactions) {
        return new KpiValueGroups(transactions);
    }
}
