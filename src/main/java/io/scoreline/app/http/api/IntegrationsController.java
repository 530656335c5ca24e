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
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.identities.CrmUserLinking;
import io.scoreline.pipeline.integrations.catalogs.CatalogJson;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;

/**
 * The caller's integrations ({@code /api/v1/integrations}): the use cases of {@code integration
 * add|list|test|pause|resume|describe} and {@code users sync|unmatched}. Adding one takes the
 * admin scope: it hands the installation a CRM login and a URL the server will call. Everything
 * else that changes something or calls the CRM takes write.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrationsController {

    private final IntegrationOnboarding onboarding;
    private final IntegrationCatalogs catalogs;
    private final CrmUserLinking users;
    private final int maxBodyBytes;

    public IntegrationsController(
            IntegrationOnboarding onboarding,
            IntegrationCatalogs catalogs,
            CrmUserLinking users,
            ScorelineConfig config) {
        this.onboarding = onboarding;
        this.catalogs = catalogs;
        this.users = users;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/integrations", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "The organization's integrations with status (needs_attention included), last run and lag;"
                    + " never credentials")
    public ApiPage<IntegrationBody> list(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller) {
        var overview = onboarding.overview(caller.organizationId());
        var slug = overview.organization().slug();
        // One page: an organization has a handful of integrations (one per CRM account).
        return new ApiPage<>(
                overview.integrations().stream()
                        .map(i -> IntegrationBody.of(i, slug))
                        .toList(),
                null);
    }

    @Get(uri = "/integrations/{integrationId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One integration with its status, last run and lag")
    public IntegrationBody show(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        var shown = onboarding.show(integrationId);
        return IntegrationBody.of(shown.integration(), shown.organization().slug());
    }

    @Post(uri = "/integrations", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.ADMIN,
            summary = "Connect a CRM account: provider, credentials {…}, login_url, base_url, portal_id,"
                    + " salesforce_org_id, allow_shared_account; 201. Credentials are never echoed; a Salesforce"
                    + " endpoint secret is in this answer only",
            request = IntegrationAddRequest.class,
            example = "{\"provider\":\"hubspot\",\"portal_id\":\"4242\","
                    + "\"credentials\":{\"private_app_token\":\"pat-na1-example\"}}")
    public HttpResponse<IntegrationBody> add(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var request = IntegrationAddBody.read(JsonBody.parse(body, maxBodyBytes, IntegrationAddRequest.class));
        var added = onboarding.add(caller.organizationId(), request, caller.actor());
        var view = onboarding.show(added.integration().id()).integration();
        return HttpResponse.created(
                IntegrationBody.of(view, added.organization().slug(), added.endpointSecret()));
    }

    @Post(uri = "/integrations/{integrationId}/test", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Check settings, credentials and connectivity (logs into the CRM); a failed check is a 200"
                    + " answer saying which part failed")
    public IntegrationResultBodies.Check test(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        return IntegrationResultBodies.Check.of(onboarding.check(integrationId));
    }

    @Post(uri = "/integrations/{integrationId}/pause", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.WRITE, summary = "Stop the scheduled syncs (a run already going finishes)")
    public IntegrationResultBodies.StatusChange pause(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        return IntegrationResultBodies.StatusChange.of(onboarding.pause(integrationId, caller.actor()));
    }

    @Post(uri = "/integrations/{integrationId}/resume", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.WRITE, summary = "Scheduled syncs again; a missed hour runs once, now")
    public IntegrationResultBodies.StatusChange resume(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        return IntegrationResultBodies.StatusChange.of(onboarding.resume(integrationId, caller.actor()));
    }

    @Post(uri = "/integrations/{integrationId}/describe", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Read the CRM account's objects and fields now and store them (a new version when they"
                    + " changed); answers the catalog file with apiCalls, what the reading cost")
    public HttpResponse<String> describe(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        var refreshed = catalogs.refresh(integrationId, caller.actor());
        return json(CatalogJson.write(refreshed.stored().read()));
    }

    @Get(uri = "/integrations/{integrationId}/catalog", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "The stored catalog, as the last describe read it")
    public HttpResponse<String> catalog(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        var stored = catalogs.latest(integrationId)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "not_found",
                        "integration " + integrationId + " has no stored catalog yet: POST /api/v1/integrations/"
                                + integrationId + "/describe reads it from the CRM",
                        null));
        return json(CatalogJson.write(stored.read()));
    }

    @Post(
            uri = "/integrations/{integrationId}/users/sync",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Import the CRM's users and link them to profiles by e-mail; create_profiles, teams_from_crm"
                    + " (people whose CRM team changed are moved and listed)",
            request = UsersSyncRequest.class,
            example = "{\"create_profiles\":true,\"teams_from_crm\":false}")
    public IntegrationResultBodies.UsersSync syncUsers(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        // No body is the CLI without options.
        var json = body == null || body.length == 0 ? null : JsonBody.parse(body, maxBodyBytes, UsersSyncRequest.class);
        boolean createProfiles = json != null && Boolean.TRUE.equals(json.bool("create_profiles"));
        boolean teamsFromCrm = json != null && Boolean.TRUE.equals(json.bool("teams_from_crm"));
        var result = users.sync(integrationId, createProfiles, teamsFromCrm, caller.actor());
        return IntegrationResultBodies.UsersSync.of(integrationId, result, teamsFromCrm);
    }

    @Get(uri = "/integrations/{integrationId}/users/unmatched", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "CRM users that match no profile (their KPIs are credited to nobody)")
    public ApiPage<IntegrationResultBodies.Unmatched> unmatched(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var unmatched = users.unmatched(integrationId, page.limit(), page.after());
        return new ApiPage<>(
                unmatched.users().stream()
                        .map(IntegrationResultBodies.Unmatched::of)
                        .toList(),
                unmatched.next().orElse(null));
    }

    private static HttpResponse<String> json(String body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
