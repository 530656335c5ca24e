package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.TeamView;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.people.Assignment;
import io.scoreline.pipeline.people.TeamChange;
import io.scoreline.pipeline.people.TeamRef;
import io.scoreline.pipeline.people.Teams;
import java.util.Optional;

/** The organization's team tree ({@code /api/v1/teams}), through the use case of the {@code team} commands. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TeamController {

    private final Teams teams;
    private final int maxBodyBytes;

    public TeamController(Teams teams, ScorelineConfig config) {
        this.teams = teams;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    /** One page holds every team: an organization has tens of teams, and a tree cut in pages is no tree. */
    @Get(uri = "/teams", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "Every team, depth first (each followed by its sub-teams), in one page")
    public ApiPage<TeamView> list(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller) {
        return new ApiPage<>(
                teams.list(caller.organizationId()).teams().stream()
                        .map(TeamView::of)
                        .toList(),
                null);
    }

    @Post(uri = "/teams", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Create a team: name (unique in the organization), parent_id (absent: top level)",
            request = TeamRequest.class,
            example = "{\"name\":\"EMEA\"}")
    public HttpResponse<TeamView> create(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, TeamRequest.class);
        var name = JsonBody.validated("name", json.requiredText("name"), Teams::name);
        var parent = Optional.ofNullable(json.number("parent_id"));
        var created = PeopleFields.naming(() -> teams.create(caller.organizationId(), name, parent, caller.actor()));
        return HttpResponse.created(TeamView.of(created.team()));
    }

    @Patch(uri = "/teams/{teamId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Rename (name) and/or move (parent_id; null: top level) a team with its people and sub-teams",
            request = TeamRequest.class,
            example = "{\"name\":\"EMEA North\"}")
    public TeamView update(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long teamId,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, TeamRequest.class);
        var name = Optional.ofNullable(json.text("name")).map(n -> JsonBody.validated("name", n, Teams::name));
        Optional<Assignment<TeamRef>> parent = json.has("parent_id")
                ? Optional.of(
                        json.isNull("parent_id")
                                ? Assignment.none()
                                : Assignment.to(new TeamRef.Id(json.number("parent_id"))))
                : Optional.empty();
        var change = new TeamChange(name, parent);
        return TeamView.of(
                PeopleFields.naming(() -> teams.update(caller.organizationId(), teamId, change, caller.actor()))
                        .team());
    }

    @Delete(uri = "/teams/{teamId}")
    @Status(HttpStatus.NO_CONTENT)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Delete a team with no people and no sub-teams (else 409 saying what is left)")
    public HttpResponse<Void> delete(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long teamId) {
        teams.delete(caller.organizationId(), teamId, caller.actor());
        return HttpResponse.noContent();
    }
}
