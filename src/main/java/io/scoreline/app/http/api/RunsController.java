package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.sync.BackgroundRuns;
import io.scoreline.pipeline.sync.RunFilter;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs ({@code /api/v1/runs}) and starting them on an integration: a sync, a backfill and a remap
 * answer 202 with the run's id and a {@code Location} to poll; their dry runs answer 200 with the
 * estimate the CLI prints and start nothing (ADR 0039).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsController {

    private final BackgroundRuns runs;
    private final int maxBodyBytes;

    public RunsController(BackgroundRuns runs, ScorelineConfig config) {
        this.runs = runs;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    /** The body of {@code POST …/backfill}: the CLI's {@code backfill} options. */
    @Serdeable
    public record BackfillRequest(
            String from,
            String to,
            @Nullable List<String> objects,
            @JsonProperty("dry_run") @Nullable Boolean dryRun,
            @JsonProperty("notify") @Nullable Boolean notifyPeople) {}

    /** The body of {@code POST …/remap}: the CLI's {@code remap} options. */
    @Serdeable
    public record RemapRequest(
            @Nullable String from,
            @JsonProperty("dry_run") @Nullable Boolean dryRun,
            @Nullable Boolean offline,
            @Nullable Long resume) {}

    static String location(long runId) {
        return "/api/v1/runs/" + runId;
    }

    @Get(uri = "/runs", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "The organization's runs, newest first (?integration_id=, ?kind=, ?status=, ?limit=, ?after=)")
    public ApiPage<RunBody> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("integration_id") @Nullable String integrationId,
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var filter = new RunFilter(
                Optional.ofNullable(integrationId)
                        .map(v -> JsonBody.validated("integration_id", v, RunsController::id)),
                Optional.ofNullable(kind).map(v -> JsonBody.validated("kind", v, RunFilter::kind)),
                Optional.ofNullable(status).map(v -> JsonBody.validated("status", v, RunFilter::status)));
        var listing = runs.list(
                caller.organizationId(),
                filter,
                page.after().map(v -> JsonBody.validated("after", v, RunsController::id)),
                page.limit());
        return new ApiPage<>(
                listing.runs().stream().map(RunBody::of).toList(),
                listing.nextAfter().map(String::valueOf).orElse(null));
    }

    @Get(uri = "/runs/{runId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One run: status, counters, progress, error, started and finished")
    public RunBody show(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long runId) {
        return RunBody.of(runs.show(caller.organizationId(), runId));
    }

    @Post(uri = "/integrations/{integrationId}/sync", produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.ACCEPTED)
    @ApiEndpoint(scope = Scope.WRITE, summary = "Start an incremental sync now (202, Location of the run)")
    public HttpResponse<RunStartedBody> sync(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long integrationId) {
        return accepted(runs.sync(caller.organizationId(), integrationId, caller.actor()));
    }

    @Post(
            uri = "/integrations/{integrationId}/backfill",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.ACCEPTED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Backfill records last modified from..to (organization days): 202 and the run, or with"
                    + " dry_run 200 and the estimate per object",
            request = BackfillRequest.class,
            example = "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"dry_run\":true}")
    public HttpResponse<?> backfill(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, BackfillRequest.class);
        var from = JsonBody.validated("from", json.requiredText("from"), v -> DayInput.parse(v, "from"));
        var to = JsonBody.validated("to", json.requiredText("to"), v -> DayInput.parse(v, "to"));
        JsonBody.validated("to", json.requiredText("to"), v -> notBefore(from, to));
        var named = json.texts("objects");
        Set<String> objects = named == null
                ? Set.of()
                : JsonBody.validated(
                        "objects", null, v -> runs.backfillObjects(caller.organizationId(), integrationId, named));
        boolean dryRun = Boolean.TRUE.equals(json.bool("dry_run"));
        boolean notify = Boolean.TRUE.equals(json.bool("notify"));
        if (dryRun) {
            return HttpResponse.ok(RunPlanBodies.BackfillPlanBody.of(
                    runs.planBackfill(caller.organizationId(), integrationId, from, to, objects)));
        }
        return accepted(
                runs.backfill(caller.organizationId(), integrationId, from, to, objects, notify, caller.actor()));
    }

    @Post(
            uri = "/integrations/{integrationId}/remap",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.ACCEPTED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Re-derive facts with the active rules (from, offline, resume): 202 and the run, or with"
                    + " dry_run 200 and the stored records to read again",
            request = RemapRequest.class,
            example = "{\"dry_run\":true}")
    public HttpResponse<?> remap(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, RemapRequest.class);
        Optional<LocalDate> from = Optional.ofNullable(json.text("from"))
                .map(v -> JsonBody.validated("from", v, day -> DayInput.parse(day, "from")));
        boolean dryRun = Boolean.TRUE.equals(json.bool("dry_run"));
        boolean offline = Boolean.TRUE.equals(json.bool("offline"));
        var resume = json.number("resume");
        if (resume != null && (from.isPresent() || dryRun || offline)) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "resume continues a run as it was: drop from, dry_run and offline",
                    "resume");
        }
        if (dryRun && offline) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "dry_run already calls nothing: drop offline",
                    "offline");
        }
        if (dryRun) {
            return HttpResponse.ok(
                    RunPlanBodies.RemapPlanBody.of(runs.planRemap(caller.organizationId(), integrationId)));
        }
        if (resume != null) {
            return accepted(runs.resumeRemap(caller.organizationId(), integrationId, resume, caller.actor()));
        }
        return accepted(runs.remap(caller.organizationId(), integrationId, from, offline, caller.actor()));
    }

    private static HttpResponse<RunStartedBody> accepted(io.scoreline.pipeline.sync.StartedRun started) {
        return HttpResponse.<RunStartedBody>status(HttpStatus.ACCEPTED)
                .header("Location", location(started.runId()))
                .body(RunStartedBody.of(started));
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, in the words of every other bad id
        }
        throw ScorelineException.badInput("must be a positive whole number: " + value);
    }

    private static LocalDate notBefore(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ScorelineException.badInput("to " + to + " is before from " + from);
        }
        return to;
    }
}
