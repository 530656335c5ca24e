package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.ContestView;
import io.scoreline.gamification.contests.ContestCursor;
import io.scoreline.gamification.contests.ContestOptions;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.gamification.goals.ContestGoals;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import java.util.List;

/**
 * Contests ({@code /api/v1/contests}): create, list, show, leaderboard and cancel, through the use
 * cases of the {@code contest} and {@code leaderboard} commands.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContestsController {

    private final ContestSetup contests;
    private final ContestGoals leaderboards;
    private final int maxBodyBytes;

    public ContestsController(ContestSetup contests, ContestGoals leaderboards, ScorelineConfig config) {
        this.contests = contests;
        this.leaderboards = leaderboards;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Post(uri = "/contests", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Create a contest on one KPI over whole local days: standard, race, head_to_head; once or "
                    + "every week or month; hidden; ranked by value or percent_of_goal (the options of contest create)",
            request = ContestRequest.class,
            example = "{\"name\":\"March calls\",\"kpi\":\"calls_made\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\","
                    + "\"teams\":false,\"target\":\"50\",\"grace\":\"24h\",\"format\":\"race\",\"hidden\":false}")
    public HttpResponse<ContestView> create(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, ContestRequest.class);
        var name = JsonBody.validated("name", json.text("name"), v -> NewContest.name(v, "name"));
        var kpi = JsonBody.validated("kpi", json.text("kpi"), v -> NewContest.kpi(v, "kpi"));
        var from = JsonBody.validated("from", json.text("from"), v -> NewContest.day(v, "from"));
        var teams = Boolean.TRUE.equals(json.bool("teams"));
        var target = JsonBody.validated("target", numberOrText(json, "target"), v -> NewContest.target(v, "target"));
        var options = ContestOptions.of(
                json.text("format"),
                json.texts("pairs"),
                json.text("every"),
                Boolean.TRUE.equals(json.bool("hidden")),
                json.text("rank_by"),
                target,
                teams,
                json.texts("participants") != null,
                ContestOptions.Fields.API);
        var to = options.every().isPresent()
                ? everyPeriodEnd(json, from, options)
                : JsonBody.validated("to", json.text("to"), v -> NewContest.lastDay(from, v, "from", "to"));
        var grace = json.text("grace") == null
                ? NewContest.DEFAULT_GRACE
                : JsonBody.validated("grace", json.text("grace"), v -> NewContest.grace(v, "grace"));
        var participants = json.texts("participants");
        var emails = participants == null
                ? List.<String>of()
                : JsonBody.validated(
                        "participants", String.join(",", participants), v -> NewContest.emails(v, "participants"));
        var request = new NewContest(name, kpi, from, to, teams, target, grace, emails, options);
        return HttpResponse.created(ContestView.of(contests.create(caller.organizationId(), request, caller.actor())));
    }

    @Get(uri = "/contests", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "Contests, latest first (?limit=&after=)")
    public ApiPage<ContestView> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("limit") @Nullable String limit,
            @QueryValue("after") @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var cursor = page.after().map(v -> JsonBody.validated("after", v, ContestCursor::parse));
        var found = contests.page(caller.organizationId(), cursor, page.limit());
        return new ApiPage<>(
                found.contests().stream().map(ContestView::of).toList(),
                found.next().map(ContestCursor::text).orElse(null));
    }

    @Get(uri = "/contests/{contestId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One contest with its status")
    public ContestView show(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long contestId) {
        return ContestView.of(contests.show(caller.organizationId(), contestId));
    }

    @Get(uri = "/contests/{contestId}/leaderboard", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "A contest's leaderboard as it stands (as leaderboard --json), with each participant's goal")
    public LeaderboardBody leaderboard(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long contestId) {
        return LeaderboardBody.of(leaderboards.show(caller.organizationId(), contestId));
    }

    @Post(uri = "/contests/{contestId}/cancel", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Cancel a contest that has not ended: it stops moving, nobody is notified, nothing is awarded "
                    + "(?series=true: stop its series too, as contest cancel --series)")
    public ContestView cancel(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long contestId,
            @QueryValue("series") @Nullable String series) {
        var wholeSeries = series != null && JsonBody.validated("series", series, ContestsController::flag);
        return ContestView.of(
                wholeSeries
                        ? contests.cancelSeries(contestId, caller.actor())
                        : contests.cancel(contestId, caller.actor()));
    }

    @Post(uri = "/contests/{contestId}/visible", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary =
                    "Make a hidden contest visible; what happened while hidden is not announced (contest update --visible)")
    public ContestView visible(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long contestId) {
        return ContestView.of(contests.reveal(contestId, caller.actor()));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw io.scoreline.failure.ScorelineException.badInput("must be true or false");
        };
    }

    /** A series' first period ends where its recurrence says; a {@code to} beside {@code every} is refused. */
    private static java.time.LocalDate everyPeriodEnd(JsonBody json, java.time.LocalDate from, ContestOptions options) {
        if (json.text("to") != null) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "is not used with every: each period ends the day before the next one starts",
                    "to");
        }
        return options.every().orElseThrow().end(from, 0);
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
