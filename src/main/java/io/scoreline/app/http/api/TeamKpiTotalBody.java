package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.kpi.TeamKpiTotal;
import java.math.BigDecimal;

/** A team's total of one KPI over the window, sub-teams included: the words of {@code kpi teams --json}. */
@Serdeable
public record TeamKpiTotalBody(String team, int depth, String kpi, BigDecimal value, long facts, int people) {

    static TeamKpiTotalBody of(TeamKpiTotal total) {
        return new TeamKpiTotalBody(
                total.team(), total.depth(), total.kpiKey(), total.value(), total.factCount(), total.people());
    }
}
