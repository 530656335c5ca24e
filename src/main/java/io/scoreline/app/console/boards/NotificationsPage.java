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
import io.scoreline.gamification.notifications.NotificationFeed;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.util.Map;
import java.util.Optional;

/** The organization's notification feed, newest first: the use case of {@code notifications} and the API's feed. */
@Controller("/console/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsPage {

    static final int LIST_LIMIT = 100;

    private final NotificationFeed feed;
    private final OrganizationSetup organizations;
    private final ConsoleViews views;

    public NotificationsPage(NotificationFeed feed, OrganizationSetup organizations, ConsoleViews views) {
        this.feed = feed;
        this.organizations = organizations;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> feed(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var organization = organizations.get(visit.caller().organizationId());
        var found = feed.list(organization.slug(), Optional.empty(), LIST_LIMIT);
        return views.page(
                views.frame(visit, "Notifications", Section.BOARDS),
                "boards/notifications.jte",
                Map.of("notifications", found.notifications()));
    }
}
