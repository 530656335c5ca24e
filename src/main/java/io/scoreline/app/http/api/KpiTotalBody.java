package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.kpi.KpiTotal;
import java.math.BigDecimal;

/** A person's total of one KPI over the window: the words of {@code kpi show --json}, with the number of facts. */
@Serdeable
public record KpiTotalBody(String profile, String kpi, BigDecimal value, long facts) {

    static KpiTotalBody of(KpiTotal total) {
        return new KpiTotalBody(total.profileEmail(), total.kpiKey(), total.value(), total.factCount());
    }
}
