package io.scoreline.app.console.boards;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Section;
import io.scoreline.app.view.ContestView;
import io.scoreline.app.view.LeaderboardEntryView;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.gamification.goals.ContestGoals;
import java.util.Map;
import java.util.Optional;

/**
 * Contests, latest first, and one contest's leaderboard: the use cases of
 * {@code /api/v1/contests} and its {@code /leaderboard}. The page polls
 * {@code /console/contests/{id}/leaderboard} (an HTML fragment) so the board moves without a reload.
 */
@Controller("/console/contests")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContestsPage {

    /** One page of contests is enough for a console list; older ones are in the API. */
    static final int LIST_LIMIT = 100;

    private final ContestSetup contests;
    private final ContestGoals leaderboards;
    private final ConsoleViews views;

    public ContestsPage(ContestSetup contests, ContestGoals leaderboards, ConsoleViews views) {
        this.contests = contests;
        this.leaderboards = leaderboards;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> list(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var page = contests.page(visit.caller().organizationId(), Optional.empty(), LIST_LIMIT);
        return views.page(
                views.frame(visit, "Contests", Section.BOARDS),
                "boards/contests.jte",
                Map.of("contests", page.contests().stream().map(ContestView::of).toList()));
    }

    @Get("/{contestId}")
    @ConsolePage
    public HttpResponse<?> show(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long contestId) {
        var organization = visit.caller().organizationId();
        var contest = ContestView.of(contests.show(organization, contestId));
        var board = leaderboards.show(organization, contestId);
        return views.page(
                views.frame(visit, contest.name(), Section.BOARDS),
                "boards/contest.jte",
                Map.of("contest", contest, "entries", LeaderboardEntryView.of(board)));
    }

    @Get("/{contestId}/leaderboard")
    // The poll asks for text/html; without this the route would produce JSON, match no Accept and answer 404.
    @Produces(MediaType.TEXT_HTML)
    @ConsolePage
    public HttpResponse<?> leaderboard(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long contestId) {
        var board = leaderboards.show(visit.caller().organizationId(), contestId);
        return views.fragment("boards/leaderboard.jte", Map.of("entries", LeaderboardEntryView.of(board)));
    }
}
