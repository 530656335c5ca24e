package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.ProfileView;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.people.Assignment;
import io.scoreline.pipeline.people.NewProfile;
import io.scoreline.pipeline.people.ProfileChange;
import io.scoreline.pipeline.people.ProfileCursor;
import io.scoreline.pipeline.people.ProfileFilter;
import io.scoreline.pipeline.people.ProfileRef;
import io.scoreline.pipeline.people.Profiles;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.people.TeamRef;
import java.util.Optional;

/** The organization's people ({@code /api/v1/profiles}), through the use case of the {@code profile} commands. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProfileController {

    private final Profiles profiles;
    private final int maxBodyBytes;

    public ProfileController(Profiles profiles, ScorelineConfig config) {
        this.profiles = profiles;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/profiles", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "Profiles by e-mail, filtered by team_id (with its sub-teams), role, active, manager_id"
                    + " (direct reports); ?limit=&after=")
    public ApiPage<ProfileView> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("team_id") @Nullable String teamId,
            @QueryValue("role") @Nullable String role,
            @QueryValue("active") @Nullable String active,
            @QueryValue("manager_id") @Nullable String managerId,
            @QueryValue("limit") @Nullable String limit,
            @QueryValue("after") @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var filter = new ProfileFilter(
                Optional.ofNullable(QueryValues.id("team_id", teamId)).map(TeamRef.Id::new),
                Optional.ofNullable(role).map(r -> JsonBody.validated("role", r, Role::fromKey)),
                Optional.ofNullable(QueryValues.bool("active", active)),
                Optional.ofNullable(QueryValues.id("manager_id", managerId)).map(ProfileRef.Id::new));
        var cursor = page.after().map(a -> JsonBody.validated("after", a, ProfileCursor::parse));
        var found = PeopleFields.naming(() -> profiles.page(caller.organizationId(), filter, cursor, page.limit()));
        return new ApiPage<>(
                found.profiles().stream().map(ProfileView::of).toList(),
                found.next().map(ProfileCursor::token).orElse(null));
    }

    @Get(uri = "/profiles/{profileId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One profile")
    public ProfileView get(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long profileId) {
        return ProfileView.of(profiles.get(caller.organizationId(), profileId).profile());
    }

    @Post(uri = "/profiles", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary =
                    "Create a profile: email, display_name, team_id, manager_id, role (rep, manager, admin; default rep)",
            request = NewProfileRequest.class,
            example = "{\"email\":\"ann@acme.example\",\"display_name\":\"Ann Lee\",\"role\":\"rep\"}")
    public HttpResponse<ProfileView> create(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, NewProfileRequest.class);
        var request = new NewProfile(
                JsonBody.validated("email", json.requiredText("email"), NewProfile::email),
                Optional.ofNullable(json.text("display_name"))
                        .map(n -> JsonBody.validated("display_name", n, NewProfile::displayName)),
                Optional.ofNullable(json.number("team_id")).map(TeamRef.Id::new),
                Optional.ofNullable(json.number("manager_id")).map(ProfileRef.Id::new),
                Optional.ofNullable(json.text("role"))
                        .map(r -> JsonBody.validated("role", r, Role::fromKey))
                        .orElse(Role.REP));
        var created = PeopleFields.naming(() -> profiles.create(caller.organizationId(), request, caller.actor()));
        return HttpResponse.created(ProfileView.of(created.profile()));
    }

    @Patch(uri = "/profiles/{profileId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Change team_id, manager_id (null clears either), role, active, display_name",
            request = ProfileChangeRequest.class,
            example = "{\"role\":\"manager\",\"active\":true}")
    public ProfileView update(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long profileId,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, ProfileChangeRequest.class);
        Optional<Assignment<TeamRef>> team = json.has("team_id")
                ? Optional.of(
                        json.isNull("team_id")
                                ? Assignment.none()
                                : Assignment.to(new TeamRef.Id(json.number("team_id"))))
                : Optional.empty();
        Optional<Assignment<ProfileRef>> manager = json.has("manager_id")
                ? Optional.of(
                        json.isNull("manager_id")
                                ? Assignment.none()
                                : Assignment.to(new ProfileRef.Id(json.number("manager_id"))))
                : Optional.empty();
        var change = new ProfileChange(
                team,
                manager,
                Optional.ofNullable(json.text("role")).map(r -> JsonBody.validated("role", r, Role::fromKey)),
                Optional.ofNullable(json.bool("active")),
                Optional.ofNullable(json.text("display_name"))
                        .map(n -> JsonBody.validated("display_name", n, NewProfile::displayName)));
        return ProfileView.of(
                PeopleFields.naming(() -> profiles.update(caller.organizationId(), profileId, change, caller.actor()))
                        .profile());
    }
}
