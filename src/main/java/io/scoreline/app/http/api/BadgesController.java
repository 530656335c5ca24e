package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.view.BadgeAwardView;
import io.scoreline.app.view.BadgeView;
import io.scoreline.gamification.badges.AwardCursor;
import io.scoreline.gamification.badges.AwardFilter;
import io.scoreline.gamification.badges.BadgeAwards;
import io.scoreline.gamification.badges.BadgeCatalogs;
import io.scoreline.gamification.badges.BadgeDefinition;
import io.scoreline.gamification.badges.CatalogProblem;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Badges ({@code /api/v1/badges}): the organization's catalog, its own badges added from a catalog
 * document, and awards with their evidence, through the use cases of the {@code badges} commands.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BadgesController {

    private final BadgeCatalogs catalogs;
    private final BadgeAwards awards;
    private final int maxBodyBytes;

    public BadgesController(BadgeCatalogs catalogs, BadgeAwards awards, ScorelineConfig config) {
        this.catalogs = catalogs;
        this.awards = awards;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/badges", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "The organization's badge catalog: the stock badges and its own")
    public List<BadgeView> catalog(@RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller) {
        return catalogs.catalog(caller.organizationId()).stream()
                .map(BadgeView::of)
                .toList();
    }

    @Put(uri = "/badges", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Add or replace the organization's own badges from a catalog document (YAML in document)",
            request = BadgesRequest.class,
            example =
                    "{\"document\":\"badges:\\n  - key: calls_day_40\\n    name: Forty calls\\n"
                            + "    category: calling\\n    rule: { kind: threshold, kpi: calls_made, period: day, at_least: 40 }\\n\"}")
    public BadgesAddedBody add(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, maxBodyBytes, BadgesRequest.class);
        var document = json.requiredText("document");
        return switch (catalogs.addCustom(caller.organizationId(), document, caller.actor())) {
            case BadgeCatalogs.Outcome.Rejected rejected ->
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "invalid_catalog",
                        rejected.problems().stream()
                                .map(BadgesController::problem)
                                .collect(Collectors.joining("; ")),
                        "document");
            case BadgeCatalogs.Outcome.Added added ->
                new BadgesAddedBody(
                        added.organization().slug(),
                        added.badges().stream().map(BadgeDefinition::key).toList());
        };
    }

    @Get(uri = "/badges/awards", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "Badge awards with their evidence, newest first (?profile_id=&badge=&limit=&after=)")
    public ApiPage<BadgeAwardView> awards(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("profile_id") @Nullable String profileId,
            @QueryValue("badge") @Nullable String badge,
            @QueryValue("limit") @Nullable String limit,
            @QueryValue("after") @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var filter = new AwardFilter(
                Optional.ofNullable(profileId).map(v -> JsonBody.validated("profile_id", v, BadgesController::id)),
                Optional.ofNullable(badge).map(String::strip).filter(b -> !b.isEmpty()));
        var cursor = page.after().map(v -> JsonBody.validated("after", v, AwardCursor::parse));
        var found = awards.page(caller.organizationId(), filter, cursor, page.limit());
        return new ApiPage<>(
                found.awards().stream().map(BadgeAwardView::of).toList(),
                found.next().map(AwardCursor::text).orElse(null));
    }

    @Get(uri = "/badges/awards/{awardId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One badge award with its evidence")
    public BadgeAwardView award(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @PathVariable long awardId) {
        return BadgeAwardView.of(awards.get(caller.organizationId(), awardId));
    }

    /** The CLI's {@code FILE:LINE:COL: message}, the document being the file. */
    private static String problem(CatalogProblem problem) {
        return problem.format("document");
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw io.scoreline.failure.ScorelineException.badInput("must be a positive whole number, got '" + value + "'");
    }
}
