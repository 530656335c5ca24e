package io.scoreline.app.console.hub;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleForm;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Section;
import io.scoreline.app.http.WebhookController;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.sync.BackgroundRuns;
import io.scoreline.pipeline.sync.RunFilter;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Integration Hub: the use cases of {@code /api/v1/integrations} (list, add, test, pause,
 * resume) and of {@code /api/v1/integrations/{id}/sync|backfill}. A backfill is always shown as its
 * dry-run estimate first; the estimate's page carries the form that starts it.
 */
@Controller("/console/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrationsPage {

    /** Runs shown on an integration's page; older ones are in {@code runs} and the API. */
    static final int RECENT_RUNS = 10;

    private final IntegrationOnboarding onboarding;
    private final BackgroundRuns runs;
    private final ConsoleViews views;

    public IntegrationsPage(IntegrationOnboarding onboarding, BackgroundRuns runs, ConsoleViews views) {
        this.onboarding = onboarding;
        this.runs = runs;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> list(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var overview = onboarding.overview(visit.caller().organizationId());
        return views.page(
                views.frame(visit, "Integrations", Section.INTEGRATIONS),
                "hub/integrations.jte",
                Map.of(
                        "integrations", overview.integrations(),
                        "powers", Powers.of(visit),
                        "credentials", ConnectForm.CREDENTIALS));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.ADMIN)
    public HttpResponse<?> connect(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @Body @Nullable byte[] body) {
        var caller = visit.caller();
        var request = ConnectForm.read(ConsoleForm.parse(body));
        var added = onboarding.add(caller.organizationId(), request, caller.actor());
        if (added.endpointSecret().isPresent()) {
            // Shown now or never: only its hash is kept (ADR 0020).
            var integration = added.integration();
            return secretPage(
                    visit,
                    integration.id(),
                    WebhookController.path(
                            integration.id(), added.endpointSecret().get()));
        }
        return ConsoleViews.redirect(path(added.integration().id()));
    }

    @Get("/{integrationId}")
    @ConsolePage
    public HttpResponse<?> show(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long integrationId) {
        var organization = visit.caller().organizationId();
        var shown = onboarding.show(integrationId).integration();
        var recent = runs.list(
                organization,
                new RunFilter(Optional.of(integrationId), Optional.empty(), Optional.empty()),
                Optional.empty(),
                RECENT_RUNS);
        return views.page(
                views.frame(visit, "Integration " + integrationId, Section.INTEGRATIONS),
                "hub/integration.jte",
                Map.of(
                        "view", shown,
                        "runs", recent.runs(),
                        "powers", Powers.of(visit),
                        "usesEndpointSecret",
                                CrmProfiles.of(shown.integration().provider()).usesEndpointSecret()));
    }

    @Post(uri = "/{integrationId}/test", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> test(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var checked = onboarding.check(integrationId);
        return views.page(
                views.frame(visit, "Test of integration " + integrationId, Section.INTEGRATIONS),
                "hub/check.jte",
                Map.of("integrationId", integrationId, "check", checked.check()));
    }

    @Post(uri = "/{integrationId}/pause", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> pause(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        onboarding.pause(integrationId, visit.caller().actor());
        return ConsoleViews.redirect(path(integrationId));
    }

    @Post(uri = "/{integrationId}/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> resume(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        onboarding.resume(integrationId, visit.caller().actor());
        return ConsoleViews.redirect(path(integrationId));
    }

    @Post(uri = "/{integrationId}/sync", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> sync(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var caller = visit.caller();
        var started = runs.sync(caller.organizationId(), integrationId, caller.actor());
        return ConsoleViews.redirect(RunsPage.path(started.runId()));
    }

    /** The dry run: what the backfill would read and cost, and the form that starts it. */
    @Get("/{integrationId}/backfill")
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> plan(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            // The estimate needs both days: back to the form that asks for them.
            return ConsoleViews.redirect(path(integrationId));
        }
        var first = day(from, "from");
        var last = notBefore(first, day(to, "to"));
        var plan = runs.planBackfill(visit.caller().organizationId(), integrationId, first, last, Set.of());
        return views.page(
                views.frame(visit, "Backfill of integration " + integrationId, Section.INTEGRATIONS),
                "hub/backfill.jte",
                Map.of("integrationId", integrationId, "from", first, "to", last, "plan", plan));
    }

    @Post(uri = "/{integrationId}/backfill", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> backfill(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var form = ConsoleForm.parse(body);
        var first = day(form.required("from", "from"), "from");
        var last = notBefore(first, day(form.required("to", "to"), "to"));
        boolean notify = form.value("notify").isPresent();
        var caller = visit.caller();
        var started =
                runs.backfill(caller.organizationId(), integrationId, first, last, Set.of(), notify, caller.actor());
        return ConsoleViews.redirect(RunsPage.path(started.runId()));
    }

    /**
     * A new endpoint secret for a Salesforce integration, shown once: only its hash is stored, so
     * "show the secret" can only mean "make a new one" (the old one is refused from now on).
     */
    @Post(uri = "/{integrationId}/endpoint-secret", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.ADMIN)
    public HttpResponse<?> endpointSecret(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var rotated = onboarding.rotateEndpointSecret(integrationId);
        return secretPage(visit, integrationId, WebhookController.path(integrationId, rotated.secret()));
    }

    private HttpResponse<?> secretPage(ConsoleVisit visit, long integrationId, String endpointPath) {
        return views.page(
                views.frame(visit, "Endpoint secret", Section.INTEGRATIONS),
                "hub/secret.jte",
                Map.of("integrationId", integrationId, "endpointPath", endpointPath));
    }

    static String path(long integrationId) {
        return "/console/integrations/" + integrationId;
    }

    private static LocalDate day(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput(field + " is required");
        }
        return DayInput.parse(value.strip(), field);
    }

    private static LocalDate notBefore(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ScorelineException.badInput("to " + to + " is before from " + from);
        }
        return to;
    }
}
