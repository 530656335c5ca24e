package io.scoreline.app.console.boards;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Section;
import io.scoreline.app.view.BadgeAwardView;
import io.scoreline.gamification.badges.AwardFilter;
import io.scoreline.gamification.badges.BadgeAwards;
import java.util.Map;
import java.util.Optional;

/**
 * Badge awards, newest first, each with its evidence (the rule, the window, the value against the
 * threshold and the CRM records that contributed most): the use case of {@code /api/v1/badges/awards}.
 */
@Controller("/console/badges")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BadgesPage {

    static final int LIST_LIMIT = 100;

    private final BadgeAwards awards;
    private final ConsoleViews views;

    public BadgesPage(BadgeAwards awards, ConsoleViews views) {
        this.awards = awards;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> awards(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var found = awards.page(
                visit.caller().organizationId(),
                new AwardFilter(Optional.empty(), Optional.empty()),
                Optional.empty(),
                LIST_LIMIT);
        return views.page(
                views.frame(visit, "Badges", Section.BOARDS),
                "boards/badges.jte",
                Map.of(
                        "awards",
                        found.awards().stream()
                                .map(BadgeAwardView::of)
                                .map(AwardEvidenceLines::of)
                                .toList()));
    }
}
