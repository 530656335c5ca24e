package io.scoreline.app.console.mappings;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.console.ConsoleForm;
import io.scoreline.app.console.ConsoleGuard;
import io.scoreline.app.console.ConsolePage;
import io.scoreline.app.console.ConsoleViews;
import io.scoreline.app.console.ConsoleVisit;
import io.scoreline.app.console.Frame;
import io.scoreline.app.console.Section;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.rules.RuleDraftPreview;
import io.scoreline.pipeline.rules.RuleSetActivation;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetHistory;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.sync.OnDemandRuns;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Mappings pages: the organization's integrations, one integration's rule editor, a stored
 * version with its diff. The editor works as a plain form (check, save); its script
 * ({@code mapping.js}) posts the same form to {@code /preview} as one types and shows the answer.
 */
@Controller("/console/mappings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MappingsPage {

    /** Versions listed on the editor: the newest ones; older ones are in the API and CLI. */
    static final int VERSIONS_SHOWN = 50;

    private final IntegrationOnboarding integrations;
    private final IntegrationCatalogs catalogs;
    private final RuleDraftPreview previews;
    private final RuleSetVersions versions;
    private final RuleSetHistory history;
    private final OnDemandRuns runs;
    private final ConsoleViews views;

    public MappingsPage(
            IntegrationOnboarding integrations,
            IntegrationCatalogs catalogs,
            RuleDraftPreview previews,
            RuleSetVersions versions,
            RuleSetHistory history,
            OnDemandRuns runs,
            ConsoleViews views) {
        this.integrations = integrations;
        this.catalogs = catalogs;
        this.previews = previews;
        this.versions = versions;
        this.history = history;
        this.runs = runs;
        this.views = views;
    }

    @Get
    @ConsolePage
    public HttpResponse<?> list(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit) {
        var overview = integrations.overview(visit.caller().organizationId());
        return views.page(
                views.frame(visit, "Mappings", Section.MAPPINGS),
                "mappings/list.jte",
                Map.of(
                        "integrations",
                        overview.integrations().stream()
                                .map(i -> i.integration())
                                .toList()));
    }

    @Get("/{integrationId}")
    @ConsolePage
    public HttpResponse<?> editor(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long integrationId) {
        var stored = versions.versions(integrationId);
        var document = stored.stream()
                .filter(v -> v.active())
                .findFirst()
                .map(v -> v.document())
                .orElse("");
        return editorPage(visit, HttpStatus.OK, integrationId, document, false, List.of(), Optional.empty());
    }

    /** Without the script: the form's check button. Problems listed as {@code LINE:COL}, preview below. */
    @Post(uri = "/{integrationId}/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage
    public HttpResponse<?> check(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var document = document(ConsoleForm.parse(body));
        return switch (previews.preview(integrationId, document)) {
            case RuleDraftPreview.Preview.Rejected rejected ->
                editorPage(
                        visit,
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        integrationId,
                        document,
                        true,
                        rejected.problems(),
                        Optional.empty());
            case RuleDraftPreview.Preview.Compared compared ->
                editorPage(
                        visit,
                        HttpStatus.OK,
                        integrationId,
                        document,
                        true,
                        compared.warnings(),
                        Optional.of(compared));
        };
    }

    /** The script's check as one types: the same answer as {@link #check}, as JSON. */
    @Post(
            uri = "/{integrationId}/preview",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    @ConsolePage
    public HttpResponse<?> preview(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var document = document(ConsoleForm.parse(body));
        return HttpResponse.ok(MappingCheckBody.of(previews.preview(integrationId, document)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/{integrationId}/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> save(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var document = document(ConsoleForm.parse(body));
        return switch (versions.set(integrationId, document, visit.caller().actor())) {
            case RuleSetChange.Rejected rejected ->
                editorPage(
                        visit,
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        integrationId,
                        document,
                        true,
                        rejected.problems().stream()
                                .sorted(Problem.IN_DOCUMENT_ORDER)
                                .toList(),
                        Optional.empty());
            case RuleSetChange.Unchanged unchanged ->
                ConsoleViews.redirect(
                        versionPath(integrationId, unchanged.active().version()) + "?done=unchanged");
            case RuleSetChange.Stored stored ->
                ConsoleViews.redirect(versionPath(integrationId, stored.stored().version()) + "?done=saved");
        };
    }

    @Get("/{integrationId}/versions/{version}")
    @ConsolePage
    public HttpResponse<?> version(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @PathVariable int version,
            @Nullable @QueryValue String done) {
        var shown = versions.version(integrationId, version);
        var changes = versions.changesIn(integrationId, version);
        return views.page(
                views.frame(visit, "Mapping version " + version, Section.MAPPINGS),
                "mappings/version.jte",
                Map.of(
                        "integrationId", integrationId,
                        "version", shown,
                        "done",
                                Optional.ofNullable(done)
                                        .filter(d -> d.matches("saved|unchanged|activated"))
                                        .orElse(""),
                        "diff", RuleSetDiff.format(changes),
                        "remap", remap(integrationId, true).map(m -> m.lines()).orElse(List.of())));
    }

    /** Roll back (or forward): the version becomes the active one again, unedited. */
    @Post(uri = "/{integrationId}/versions/{version}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ConsolePage(scope = Scope.WRITE)
    public HttpResponse<?> activate(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit,
            @PathVariable long integrationId,
            @PathVariable int version,
            @Body @Nullable byte[] body) {
        return switch (versions.activate(integrationId, version, visit.caller().actor())) {
            case RuleSetActivation.Rejected rejected ->
                views.error(
                        HttpStatus.CONFLICT,
                        views.frame(visit, "Mapping version " + version, Section.MAPPINGS),
                        "Version " + version + " no longer compiles against the integration's fields: "
                                + rejected.problems().stream()
                                        .filter(p -> p.severity() == Problem.Severity.ERROR)
                                        .map(p -> p.line() + ":" + p.column() + ": " + p.message())
                                        .findFirst()
                                        .orElse("see mapping validate"));
            case RuleSetActivation.AlreadyActive active -> ConsoleViews.redirect(versionPath(integrationId, version));
            case RuleSetActivation.Activated activated ->
                ConsoleViews.redirect(versionPath(integrationId, version) + "?done=activated");
        };
    }

    private HttpResponse<?> editorPage(
            ConsoleVisit visit,
            HttpStatus status,
            long integrationId,
            String document,
            boolean checked,
            List<Problem> problems,
            Optional<RuleDraftPreview.Preview.Compared> preview) {
        var catalog = catalogs.effective(integrationId);
        var page = history.page(integrationId, 0, Integer.MAX_VALUE);
        var shown = page.versions().stream()
                .skip(Math.max(0, page.versions().size() - VERSIONS_SHOWN))
                .toList()
                .reversed();
        var view = new MappingEditorView(
                integrationId,
                catalog.provider().name().toLowerCase(Locale.ROOT),
                document,
                checked,
                problems,
                preview,
                shown,
                remap(integrationId, !shown.isEmpty()),
                MappingEditorView.objects(catalog),
                MappingEditorView.suggestions(catalog));
        Frame frame = views.frame(visit, "Mapping of integration " + integrationId, Section.MAPPINGS);
        if (checked && !view.valid()) {
            frame = frame.withError(
                    "The rules have errors: nothing was stored. Each is listed at its line and column.");
        }
        return views.page(status, frame, "mappings/editor.jte", Map.of("editor", view));
    }

    /** What a remap with the active rules would read again before re-deriving; none without rules. */
    private Optional<io.scoreline.pipeline.facts.MissingFields> remap(long integrationId, boolean hasRules) {
        return hasRules ? Optional.of(runs.planRemap(integrationId).missing()) : Optional.empty();
    }

    private static String document(ConsoleForm form) {
        // Browsers send a textarea's lines with CRLF; the stored text keeps the CLI's LF.
        var document = form.value("document").orElse("").replace("\r\n", "\n");
        if (document.isBlank()) {
            throw ScorelineException.badInput("the rules are empty: write at least the provider and one KPI");
        }
        return document;
    }

    private static String versionPath(long integrationId, int version) {
        return "/console/mappings/" + integrationId + "/versions/" + version;
    }
}
