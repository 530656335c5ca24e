package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.app.view.GoalView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.ProgressQuery;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.goals.GoalInput;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.tenancy.DayInput;
import java.util.Optional;

/** Goals ({@code /api/v1/goals}) and progress towards them, through the use case of the {@code goal} commands. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GoalsController {

    private final Goals goals;
    private final int maxBodyBytes;

    public GoalsController(Goals goals, ScorelineConfig config) {
        this.goals = goals;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    /** One page holds every goal that runs now or later: an organization has tens of them. */
    @Get(uri = "/goals", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "Goals that run now or start later, as goal list shows them, in one page")
    public ApiPage<GoalView> list(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller) {
        return new ApiPage<>(
                goals.list(caller.organizationId()).goals().stream()
                        .map(GoalView::of)
                        .toList(),
                null);
    }

    @Post(uri = "/goals", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Set a goal (as goal set): kpi, period (week, month, quarter), target, one of person"
                    + " (email), team, role, team_members; from (a day of the first period, absent: today)",
            request = GoalRequest.class,
            example = "{\"kpi\":\"calls_made\",\"period\":\"month\",\"target\":200,\"role\":\"rep\"}")
    public HttpResponse<GoalView> set(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, GoalRequest.class);
        var kpi = JsonBody.validated("kpi", json.requiredText("kpi"), GoalsController::kpi);
        var period = JsonBody.validated("period", json.requiredText("period"), GoalPeriodUnit::fromKey);
        var target = JsonBody.validated("target", numberOrText(json, "target"), v -> GoalInput.target(v, "target"));
        var subject = JsonBody.validated(
                "person",
                null,
                v -> GoalInput.subject(
                        json.text("person"),
                        json.text("team"),
                        json.text("role"),
                        json.text("team_members"),
                        "person",
                        "team",
                        "role",
                        "team_members"));
        var from = Optional.ofNullable(json.text("from"))
                .map(v -> JsonBody.validated("from", v, d -> DayInput.parse(d, "from")));
        var set = goals.set(caller.organizationId(), new NewGoal(kpi, period, subject, target, from), caller.actor());
        return HttpResponse.created(GoalView.of(set.goal()));
    }

    @Delete(uri = "/goals/{goalId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Remove a goal from the current period on (as goal remove); ended periods keep it")
    public GoalView remove(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long goalId) {
        return GoalView.of(goals.remove(caller.organizationId(), goalId, caller.actor())
                .removal()
                .goal());
    }

    @Get(uri = "/goals/progress", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "Progress towards a goal (as goal progress): person (email) or team (name), kpi, period"
                    + " (week, month, quarter), date (a day of the period, absent: today)")
    public GoalProgressView progress(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @Nullable @QueryValue String person,
            @Nullable @QueryValue String team,
            @Nullable @QueryValue String kpi,
            @Nullable @QueryValue String period,
            @Nullable @QueryValue String date) {
        if ((person == null) == (team == null)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "give exactly one of person, team", "person");
        }
        GoalSubjectRef subject = person != null ? new GoalSubjectRef.Person(person) : new GoalSubjectRef.Team(team);
        var key = JsonBody.validated("kpi", kpi, GoalsController::kpi);
        var unit = JsonBody.validated("period", period, v -> {
            if (v == null) {
                throw io.scoreline.failure.ScorelineException.badInput("period is required");
            }
            return GoalPeriodUnit.fromKey(v);
        });
        var day = Optional.ofNullable(date).map(v -> JsonBody.validated("date", v, d -> DayInput.parse(d, "date")));
        return GoalProgressView.of(goals.progress(caller.organizationId(), new ProgressQuery(subject, key, unit, day))
                .progress());
    }

    private static String kpi(@Nullable String value) {
        if (value == null || value.isBlank() || value.strip().length() > 200) {
            throw io.scoreline.failure.ScorelineException.badInput("kpi must be a KPI key of 1 to 200 characters");
        }
        return value.strip();
    }

    /** A target may be sent as a JSON number or as its text; either is checked like {@code --target}. */
    private static @Nullable String numberOrText(JsonBody json, String field) {
        var node = json.node(field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must be a number", field);
    }
}
