package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.OrganizationView;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationChange;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.util.List;
import java.util.Optional;

/**
 * The caller's organization ({@code /api/v1/organization}, organization keys) and the
 * installation's organizations ({@code /api/v1/organizations}, platform keys), through the use
 * case of the {@code org} commands.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizationController {

    private final OrganizationSetup organizations;
    private final int maxBodyBytes;

    public OrganizationController(OrganizationSetup organizations, ScorelineConfig config) {
        this.organizations = organizations;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/organization", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "The key's organization")
    public OrganizationView organization(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller) {
        return OrganizationView.of(organizations.get(caller.organizationId()));
    }

    @Patch(uri = "/organization", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Change the name, time zone (timezone) or week start (week_start)",
            request = OrganizationRequests.Change.class,
            example = "{\"name\":\"Acme Europe\",\"week_start\":\"sunday\"}")
    public OrganizationView update(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, OrganizationRequests.Change.class);
        var change = new OrganizationChange(
                Optional.ofNullable(json.text("name")).map(v -> JsonBody.validated("name", v, NewOrganization::name)),
                Optional.ofNullable(json.text("timezone"))
                        .map(v -> JsonBody.validated("timezone", v, NewOrganization::timezone)),
                Optional.ofNullable(json.text("week_start"))
                        .map(v -> JsonBody.validated("week_start", v, NewOrganization::weekStart)));
        return OrganizationView.of(organizations.update(caller.organizationId(), change, caller.actor()));
    }

    @Get(uri = "/organizations", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, audience = Audience.PLATFORM, summary = "Every organization (platform keys)")
    public List<OrganizationView> list(@RequestAttribute(ApiGuard.CALLER) ApiCaller.PlatformKey caller) {
        return organizations.list().stream().map(OrganizationView::of).toList();
    }

    @Post(uri = "/organizations", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.ADMIN,
            audience = Audience.PLATFORM,
            summary = "Create an organization: slug, name, timezone, week_start (platform keys)",
            request = OrganizationRequests.Create.class,
            example = "{\"slug\":\"globex\",\"name\":\"Globex\",\"timezone\":\"America/New_York\"}")
    public HttpResponse<OrganizationView> create(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.PlatformKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, OrganizationRequests.Create.class);
        var request = new NewOrganization(
                JsonBody.validated("slug", json.requiredText("slug"), NewOrganization::slug),
                JsonBody.validated("name", json.requiredText("name"), NewOrganization::name),
                JsonBody.validated("timezone", json.requiredText("timezone"), NewOrganization::timezone),
                JsonBody.validated("week_start", json.text("week_start"), NewOrganization::weekStart));
        return HttpResponse.created(OrganizationView.of(organizations.create(request, caller.actor())));
    }
}
