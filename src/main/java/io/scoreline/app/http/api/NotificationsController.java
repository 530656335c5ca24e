package io.scoreline.app.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.gamification.notifications.FeedCursor;
import io.scoreline.gamification.notifications.FeedQuery;
import io.scoreline.gamification.notifications.NotificationFeed;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification feed a sales app polls ({@code ?after=} the {@code next} of its last page,
 * ADR 0040) and marking notifications read, through the use case of {@code notifications}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationsController {

    private final NotificationFeed feed;
    private final JsonMapper json;
    private final int maxBodyBytes;

    public NotificationsController(NotificationFeed feed, JsonMapper json, ScorelineConfig config) {
        this.feed = feed;
        this.json = json;
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @Get(uri = "/notifications", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary = "The feed, oldest first in the order notifications became visible; poll again with ?after= the"
                    + " page's next (never null); ?profile_id=, ?unread=true, ?limit=")
    public ApiPage<NotificationBody> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("after") @Nullable String after,
            @QueryValue("limit") @Nullable String limit,
            @QueryValue("profile_id") @Nullable String profileId,
            @QueryValue("unread") @Nullable String unread) {
        var page = PageQuery.of(limit, after);
        var query = new FeedQuery(
                QueryParameters.id("profile_id", profileId),
                QueryParameters.bool("unread", unread, false),
                page.after()
                        .map(a -> JsonBody.validated("after", a, FeedCursor::parse))
                        .orElse(FeedCursor.START),
                page.limit());
        var result = feed.page(caller.organizationId(), query);
        return new ApiPage<>(
                result.notifications().stream()
                        .map(n -> NotificationBody.of(n, json))
                        .toList(),
                result.next().text());
    }

    @Post(uri = "/notifications/read", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Mark notifications read (ids: 1 to 500); idempotent, all or none",
            request = NotificationsReadRequest.class,
            example = "{\"ids\":[1]}")
    public List<NotificationBody> markRead(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller, @Body @Nullable byte[] body) {
        var request = JsonBody.parse(body, maxBodyBytes, NotificationsReadRequest.class);
        var ids = ids(request.node("ids"));
        return feed.markRead(caller.organizationId(), ids, caller.actor()).stream()
                .map(n -> NotificationBody.of(n, json))
                .toList();
    }

    @Post(uri = "/notifications/{notificationId}/read", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.WRITE, summary = "Mark one notification read; idempotent")
    public NotificationBody markOneRead(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable("notificationId") long notificationId) {
        return NotificationBody.of(
                feed.markRead(caller.organizationId(), List.of(notificationId), caller.actor())
                        .getFirst(),
                json);
    }

    private static final int MAX_IDS = PageQuery.MAX_LIMIT;

    /** The ids of the body: an array of 1 to 500 positive whole numbers. */
    private static List<Long> ids(@Nullable JsonNode node) {
        if (node == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "missing_field", "is required", "ids");
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "must be an array of 1 to " + MAX_IDS + " notification ids",
                    "ids");
        }
        var ids = new ArrayList<Long>();
        for (var element : node) {
            if (!element.isIntegralNumber() || !element.canConvertToLong() || element.longValue() < 1) {
                throw new ApiProblem(
                        HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "must hold positive whole numbers", "ids");
            }
            ids.add(element.longValue());
        }
        return ids;
    }
}
