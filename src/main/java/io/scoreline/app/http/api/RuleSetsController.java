package io.scoreline.app.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.facts.MissingFields;
import io.scoreline.pipeline.rules.IntegrationRuleChecks;
import io.scoreline.pipeline.rules.RuleSetActivation;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetHistory;
import io.scoreline.pipeline.rules.RuleSetVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An integration's mapping rules ({@code /api/v1/integrations/{integrationId}/rule-sets}): list and
 * show the stored versions, store a new one with its diff, activate an older one, validate a
 * document and try it on records, through the use cases of the {@code mapping} commands. Documents
 * travel as JSON strings, so the API's body limit bounds them; larger ones go through the CLI.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RuleSetsController {

    private static final String EXAMPLE_DOCUMENT =
            "provider: salesforce\\nkpis:\\n  meetings_held:\\n    object: Event\\n    when: ActivityDateTime != null\\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleSetVersions versions;
    private final RuleSetHistory history;
    private final IntegrationRuleChecks checks;
    private final int maxBodyBytes;

    public RuleSetsController(
            RuleSetVersions versions, RuleSetHistory history, IntegrationRuleChecks checks, ScorelineConfig config) {
        this.versions = versions;
        this.history = history;
        this.checks = checks;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/integrations/{integrationId}/rule-sets", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "The stored versions of an integration's rules, oldest first")
    public ApiPage<RuleSetVersionBody> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var shown = history.page(integrationId, afterVersion(page), page.limit());
        var items = shown.versions().stream()
                .map(v -> RuleSetVersionBody.of(integrationId, v))
                .toList();
        return new ApiPage<>(
                items, shown.more() ? Integer.toString(items.getLast().version()) : null);
    }

    @Get(uri = "/integrations/{integrationId}/rule-sets/{version}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One stored version of an integration's rules, with its document")
    public RuleSetBody show(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @PathVariable int version) {
        return RuleSetBody.of(versions.version(integrationId, version));
    }

    @Post(
            uri = "/integrations/{integrationId}/rule-sets",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Store a new version of the rules (201; 200 when the text is the active one's);"
                    + " 422 with every problem",
            request = RuleSetRequest.class,
            example = "{\"document\":\"" + EXAMPLE_DOCUMENT + "\"}")
    public HttpResponse<RuleSetStoredBody> set(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var document = document(JsonBody.parse(body, maxBodyBytes, RuleSetRequest.class));
        return switch (versions.set(integrationId, document, caller.actor())) {
            case RuleSetChange.Rejected rejected -> throw RuleProblemsFailure.invalidDocument(rejected.problems());
            case RuleSetChange.Unchanged unchanged ->
                HttpResponse.ok(new RuleSetStoredBody(
                        integrationId,
                        unchanged.active().version(),
                        false,
                        "",
                        MissingFields.NONE.lines(),
                        RuleProblemBody.of(unchanged.problems())));
            case RuleSetChange.Stored stored ->
                HttpResponse.created(new RuleSetStoredBody(
                        integrationId,
                        stored.stored().version(),
                        true,
                        RuleSetDiff.format(stored.changes()),
                        stored.missing().lines(),
                        RuleProblemBody.of(stored.problems())));
        };
    }

    @Post(uri = "/integrations/{integrationId}/rule-sets/{version}/activate", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Make a stored version the active one again (roll back or forward); 409 when it no longer"
                    + " compiles")
    public RuleSetActivatedBody activate(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @PathVariable int version) {
        return switch (versions.activate(integrationId, version, caller.actor())) {
            case RuleSetActivation.Rejected rejected ->
                throw RuleProblemsFailure.noLongerCompiles(version, rejected.problems());
            case RuleSetActivation.AlreadyActive active ->
                new RuleSetActivatedBody(integrationId, version, false, "", null);
            case RuleSetActivation.Activated activated ->
                new RuleSetActivatedBody(
                        integrationId,
                        version,
                        true,
                        RuleSetDiff.format(activated.changes()),
                        activated.previousVersion().orElse(null));
        };
    }

    @Post(
            uri = "/integrations/{integrationId}/rule-sets/validate",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "Check a document against the integration's field catalog; stores nothing",
            request = RuleSetRequest.class,
            example = "{\"document\":\"" + EXAMPLE_DOCUMENT + "\"}")
    public RuleSetValidationBody validate(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var document = document(JsonBody.parse(body, maxBodyBytes, RuleSetRequest.class));
        var result = checks.validate(integrationId, document);
        return new RuleSetValidationBody(
                result instanceof CompileResult.Compiled, RuleProblemBody.of(result.problems()));
    }

    @Post(
            uri = "/integrations/{integrationId}/rule-sets/test",
            consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "The facts a document derives from records as the CRM's API returns them; stores nothing",
            request = RuleSetTestRequest.class,
            example = "{\"document\":\"" + EXAMPLE_DOCUMENT + "\",\"records\":[{\"attributes\":{\"type\":\"Event\"},"
                    + "\"Id\":\"00U1\",\"OwnerId\":\"0051\",\"ActivityDateTime\":\"2026-03-02T10:00:00.000+0000\"}]}")
    public RuleSetTrialBody test(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable long integrationId,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, RuleSetTestRequest.class);
        var document = document(json);
        var records = records(json.node("records"));
        var objectType = Optional.ofNullable(json.text("object"));
        IntegrationRuleChecks.Trial trial;
        try {
            trial = checks.tryOn(integrationId, document, records, objectType);
        } catch (IntegrationRuleChecks.RecordRefused e) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", e.getMessage(), "records[" + e.index() + "]");
        }
        return switch (trial) {
            case IntegrationRuleChecks.Trial.Rejected rejected ->
                throw RuleProblemsFailure.invalidDocument(rejected.result().problems());
            case IntegrationRuleChecks.Trial.Tried tried ->
                new RuleSetTrialBody(
                        tried.records().stream()
                                .flatMap(r -> r.facts().stream())
                                .map(RuleSetTrialBody.FactBody::of)
                                .toList(),
                        tried.records().stream()
                                .flatMap(r -> r.warnings().stream())
                                .map(w -> new RuleSetTrialBody.WarningBody(w.recordId(), w.kpi(), w.message()))
                                .toList(),
                        RuleProblemBody.of(tried.problems()));
        };
    }

    /** The document, required and not blank: an empty one is a mistake, not a document without rules. */
    private static String document(JsonBody json) {
        var document = json.requiredText("document");
        if (document.isBlank()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must not be empty", "document");
        }
        return document;
    }

    /** The records, each a JSON object (a line of {@code mapping test --records}). */
    private static List<Map<String, ?>> records(@Nullable JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "is required: an array of records as the CRM's API returns them",
                    "records");
        }
        var records = new ArrayList<Map<String, ?>>();
        for (int i = 0; i < node.size(); i++) {
            var element = node.get(i);
            if (!element.isObject()) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "invalid_input",
                        "must be a JSON object",
                        "records[" + i + "]");
            }
            records.add(JSON.convertValue(element, Map.class));
        }
        return records;
    }

    /** The cursor of the list: the last version of the previous page. */
    private static int afterVersion(PageQuery page) {
        if (page.after().isEmpty()) {
            return 0;
        }
        try {
            var version = Integer.parseInt(page.after().get());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "not a cursor of this list", "after");
    }
}
