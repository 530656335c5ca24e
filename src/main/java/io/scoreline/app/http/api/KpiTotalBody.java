package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.kpi.KpiTotal;
import java.math.BigDecimal;

/**
 * A person's total of one KPI over the window: the words of {@code kpi show --json}, with the
 * number of facts. An undefined derived KPI (ADR 0042) has {@code "value": null} and {@code
 * undefined}, the reason.
 */
@Serdeable
public record KpiTotalBody(
        String profile,
        String kpi,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value,
        String unit,
        long facts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String undefined) {

    static KpiTotalBody of(KpiTotal total) {
        return new KpiTotalBody(
                total.profileEmail(),
                total.kpiKey(),
                total.value(),
                total.unit().key(),
                total.factCount(),
                total.undefined().orElse(null));
    }
}
