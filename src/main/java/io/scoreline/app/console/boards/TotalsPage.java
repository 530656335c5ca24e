package io.scoreline.app.console.boards;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Section;
import io.scoreline.app.view.TeamKpiTotalView;
import io.scoreline.pipeline.kpi.KpiValues;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * KPI totals over a window, by person ({@code kpi show}) or by team with sub-teams
 * ({@code kpi teams}): the use case of {@code /api/v1/kpi-values/totals}.
 */
@Controller("/console/boards")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TotalsPage {

    private final KpiValues values;
    private final ConsoleViews views;

    public TotalsPage(KpiValues values, ConsoleViews views) {
        this.values = values;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> totals(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String by) {
        var organization = visit.caller().organizationId();
        var first = day(from, "from");
        var last = day(to, "to");
        var frame = views.frame(visit, "KPI totals", Section.BOARDS);
        if ("team".equals(by)) {
            var totals = values.teamTotals(organization, first, last);
            return views.page(
                    frame,
                    "boards/totals.jte",
                    Map.of(
                            "window", totals.window(),
                            "byTeam", true,
                            "people", java.util.List.of(),
                            "teams",
                                    totals.totals().stream()
                                            .map(TeamKpiTotalView::of)
                                            .toList()));
        }
        var totals = values.personTotals(organization, first, last);
        return views.page(
                frame,
                "boards/totals.jte",
                Map.of(
                        "window",
                        totals.window(),
                        "byTeam",
                        false,
                        "people",
                        totals.totals(),
                        "teams",
                        java.util.List.of()));
    }

    /** An empty field is no bound (the form sends both fields whatever the user filled in). */
    private static Optional<LocalDate> day(@Nullable String value, String field) {
        return Optional.ofNullable(value)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> DayInput.parse(v, field));
    }
}
