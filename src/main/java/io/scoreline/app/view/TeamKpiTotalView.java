package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.kpi.TeamKpiTotal;
import java.math.BigDecimal;

/**
 * A team's total of one KPI over a window, sub-teams included: {@code kpi teams --json} and the
 * API's {@code totals?by=team}. A derived KPI is the team's own reading (ADR 0042); below its
 * minimum it has {@code "value": null} and {@code undefined}, the reason.
 */
@Serdeable
public record TeamKpiTotalView(
        String team,
        int depth,
        String kpi,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value,
        String unit,
        long facts,
        int people,
        @JsonInclude(JsonInclude.Include.NON_NULL) String undefined) {

    public static TeamKpiTotalView of(TeamKpiTotal total) {
        return new TeamKpiTotalView(
                total.team(),
                total.depth(),
                total.kpiKey(),
                total.value(),
                total.unit().key(),
                total.factCount(),
                total.people(),
                total.undefined().orElse(null));
    }
}
