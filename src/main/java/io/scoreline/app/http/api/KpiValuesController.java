package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.app.view.KpiGoalLineView;
import io.scoreline.app.view.TeamKpiTotalView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.kpi.KpiGrouping;
import io.scoreline.pipeline.kpi.KpiInputRefused;
import io.scoreline.pipeline.kpi.KpiValueQuery;
import io.scoreline.pipeline.kpi.KpiValues;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * KPI values ({@code /api/v1/kpi-values}) and their totals by person and by team, through the use
 * case behind {@code kpi show} and {@code kpi teams}; days are the organization's.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KpiValuesController {

    /** Longer KPI keys do not exist (rule keys are short identifiers); refused before any query. */
    private static final int MAX_KPI_LENGTH = 100;

    private final KpiValues values;
    private final Goals goals;

    public KpiValuesController(KpiValues values, Goals goals) {
        this.values = values;
        this.goals = goals;
    }

    @Get(uri = "/kpi-values", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "KPI values per person and KPI, grouped by day, week, month or window (default: the last"
                    + " 30 days); filters kpi, person (profile id), team (team id, with sub-teams), from, to")
    public KpiValuesPage<KpiValueBody> values(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @Nullable @QueryValue String kpi,
            @Nullable @QueryValue String person,
            @Nullable @QueryValue String team,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String group,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String after) {
        var page = PageQuery.of(limit, after);
        var query = new KpiValueQuery(
                Optional.ofNullable(kpi).map(KpiValuesController::kpi),
                Optional.ofNullable(person).map(v -> id("person", v)),
                Optional.ofNullable(team).map(v -> id("team", v)),
                day("from", from),
                day("to", to),
                refusedAsProblem(() -> KpiGrouping.parse(group)),
                page.after(),
                page.limit());
        var found = refusedAsProblem(() -> values.values(caller.organizationId(), query));
        return new KpiValuesPage<>(
                found.window().from(),
                found.window().to(),
                found.group().word(),
                found.values().stream().map(KpiValueBody::of).toList(),
                found.next().orElse(null));
    }

    @Get(uri = "/kpi-values/totals", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "KPI totals over a window (default: the last 30 days) by=person (as kpi show) or by=team"
                    + " (each team with its sub-teams, as kpi teams); goals=true with a window of exactly one goal"
                    + " period adds goal, percent and pace (as kpi show --goals)")
    public KpiValuesPage<?> totals(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @Nullable @QueryValue String by,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String goals,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String after) {
        var page = PageQuery.of(limit, after);
        var first = day("from", from);
        var last = day("to", to);
        if (withGoals(goals)) {
            return goalTotals(caller, by, first, last, page);
        }
        if ("team".equals(by)) {
            var totals = refusedAsProblem(() -> values.teamTotals(caller.organizationId(), first, last));
            var slice = ListPages.slice(totals.totals(), page);
            return new KpiValuesPage<>(
                    totals.window().from(),
                    totals.window().to(),
                    "team",
                    slice.items().stream().map(TeamKpiTotalView::of).toList(),
                    slice.next().orElse(null));
        }
        if (by == null || "person".equals(by)) {
            var totals = refusedAsProblem(() -> values.personTotals(caller.organizationId(), first, last));
            var slice = ListPages.slice(totals.totals(), page);
            return new KpiValuesPage<>(
                    totals.window().from(),
                    totals.window().to(),
                    "person",
                    slice.items().stream().map(KpiTotalBody::of).toList(),
                    slice.next().orElse(null));
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "by must be person or team", "by");
    }

    /** Totals against goals: the window must be exactly one week, month or quarter. */
    private KpiValuesPage<?> goalTotals(
            ApiCaller.OrganizationKey caller,
            @Nullable String by,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            PageQuery page) {
        if (from.isEmpty() || to.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "goals=true needs from and to spanning exactly one week, month or quarter",
                    from.isEmpty() ? "from" : "to");
        }
        if ("team".equals(by)) {
            var board = refusedAsProblem(() -> goals.teamBoard(caller.organizationId(), from.get(), to.get()));
            var slice = ListPages.slice(board.lines(), page);
            return new KpiValuesPage<>(
                    board.period().from(),
                    board.period().to(),
                    "team",
                    slice.items().stream().map(GoalProgressView::of).toList(),
                    slice.next().orElse(null));
        }
        if (by == null || "person".equals(by)) {
            var board = refusedAsProblem(() -> goals.board(caller.organizationId(), from.get(), to.get()));
            var slice = ListPages.slice(board.lines(), page);
            return new KpiValuesPage<>(
                    board.period().from(),
                    board.period().to(),
                    "person",
                    slice.items().stream()
                            .map(line -> KpiGoalLineView.of(board, line))
                            .toList(),
                    slice.next().orElse(null));
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "by must be person or team", "by");
    }

    private static boolean withGoals(@Nullable String value) {
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "goals must be true or false", "goals");
    }

    private static String kpi(String value) {
        var key = value.strip();
        if (key.isEmpty() || key.length() > MAX_KPI_LENGTH) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "kpi must be a KPI key of 1 to " + MAX_KPI_LENGTH + " characters",
                    "kpi");
        }
        return key;
    }

    private static long id(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", field + " must be a numeric id", field);
    }

    private static Optional<LocalDate> day(String field, @Nullable String value) {
        return Optional.ofNullable(value).map(v -> JsonBody.validated(field, v, d -> DayInput.parse(d, field)));
    }

    /** A refusal that names its input answers 422 with that input as {@code field}. */
    private static <T> T refusedAsProblem(Supplier<T> call) {
        try {
            return call.get();
        } catch (KpiInputRefused refused) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", refused.getMessage(), refused.field());
        }
    }
}
