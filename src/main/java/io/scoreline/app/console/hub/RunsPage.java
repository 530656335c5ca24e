package io.scoreline.app.console.hub;

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
import io.scoreline.pipeline.sync.BackgroundRuns;
import java.util.Map;

/**
 * One run and its progress, the use case of {@code /api/v1/runs/{id}}: the page polls
 * {@code /console/runs/{id}/progress} (an HTML fragment) every second until the run ends.
 */
@Controller("/console/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsPage {

    private final BackgroundRuns runs;
    private final ConsoleViews views;

    public RunsPage(BackgroundRuns runs, ConsoleViews views) {
        this.runs = runs;
        this.views = views;
    }

    static String path(long runId) {
        return "/console/runs/" + runId;
    }

    @Get("/{runId}")
    @ConsolePage
    public HttpResponse<?> show(@RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long runId) {
        var run = runs.show(visit.caller().organizationId(), runId);
        return views.page(views.frame(visit, "Run " + runId, Section.INTEGRATIONS), "hub/run.jte", Map.of("run", run));
    }

    @Get("/{runId}/progress")
    // The poll asks for text/html; without this the route would produce JSON, match no Accept and answer 404.
    @Produces(MediaType.TEXT_HTML)
    @ConsolePage
    public HttpResponse<?> progress(
            @RequestAttribute(ConsoleGuard.VISIT) ConsoleVisit visit, @PathVariable long runId) {
        var run = runs.show(visit.caller().organizationId(), runId);
        return views.fragment("hub/progress.jte", Map.of("run", run));
    }
}
