package io.scoreline.app.console.hub;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleForm;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Section;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.people.ProfileFilter;
import io.scoreline.pipeline.people.Profiles;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM users of an integration that match no profile ({@code users unmatched}), each linked to a
 * profile in one click ({@link CrmUserLinking#link}), and {@code users sync} from the page.
 */
@Controller("/console/integrations/{integrationId}/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnmatchedUsersPage {

    /** One page of unmatched users; the rest follow once these are linked (or through the API's pages). */
    static final int LIMIT = 200;

    /** Profiles offered to link to; a larger organization types the e-mail through the API. */
    static final int PROFILE_CHOICES = 500;

    private final CrmUserLinking users;
    private final Profiles profiles;
    private final ConsoleViews views;

    public UnmatchedUsersPage(CrmUserLinking users, Profiles profiles, ConsoleViews views) {
        this.users = users;
        this.profiles = profiles;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> list(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long integrationId) {
        var unmatched = users.unmatched(integrationId, LIMIT, Optional.empty());
        var choices =
                profiles.page(visit.caller().organizationId(), ProfileFilter.none(), Optional.empty(), PROFILE_CHOICES);
        return views.page(
                views.frame(visit, "Unmatched CRM users", Section.INTEGRATIONS),
                "hub/unmatched.jte",
                Map.of(
                        "integrationId", integrationId,
                        "users", unmatched.users(),
                        "more", unmatched.next().isPresent(),
                        "profiles", choices.profiles(),
                        "powers", Powers.of(visit)));
    }

    @Post(uri = "/link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> link(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var form = ConsoleForm.parse(body);
        var crmUserId = form.required("crm_user_id", "the CRM user");
        var profileId = id(form.required("profile_id", "the profile"));
        users.link(integrationId, crmUserId, profileId, visit.caller().actor());
        return ConsoleViews.redirect(path(integrationId));
    }

    @Post(uri = "/sync", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> sync(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var form = ConsoleForm.parse(body);
        boolean createProfiles = form.value("create_profiles").isPresent();
        boolean teamsFromCrm = form.value("teams_from_crm").isPresent();
        var result = users.sync(
                integrationId, createProfiles, teamsFromCrm, visit.caller().actor());
        return views.page(
                views.frame(visit, "Users synced", Section.INTEGRATIONS),
                "hub/users-synced.jte",
                Map.of("integrationId", integrationId, "result", result));
    }

    static String path(long integrationId) {
        return "/console/integrations/" + integrationId + "/users";
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ScorelineException.badInput("the profile must be a positive whole number: " + value);
    }
}
