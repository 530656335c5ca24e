package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.view.InboxEventView;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.inbox.InboxCursor;
import io.scoreline.pipeline.inbox.InboxReplay;
import io.scoreline.pipeline.inbox.InboxStatus;
import java.util.List;
import java.util.Optional;

/** The webhook inbox of the caller's organization and replaying parked events, through the use case of {@code inbox}. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxController {

    private final InboxReplay inbox;

    public InboxController(InboxReplay inbox) {
        this.inbox = inbox;
    }

    @Get(uri = "/inbox", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.READ,
            summary =
                    "Webhook events, newest first; ?status=failed for the parked ones, ?integration_id=, ?limit=, ?after=")
    public ApiPage<InboxEventView> list(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @QueryValue("integration_id") @Nullable String integrationId,
            @QueryValue("status") @Nullable String status,
            @QueryValue("limit") @Nullable String limit,
            @QueryValue("after") @Nullable String after) {
        var page = PageQuery.of(limit, after);
        var result = inbox.page(
                caller.organizationId(),
                QueryParameters.id("integration_id", integrationId),
                Optional.ofNullable(status).map(s -> JsonBody.validated("status", s, InboxStatus::fromKey)),
                page.after().map(a -> JsonBody.validated("after", a, InboxCursor::parse)),
                page.limit());
        return new ApiPage<>(
                result.entries().stream().map(InboxEventView::of).toList(),
                result.next().map(InboxCursor::text).orElse(null));
    }

    @Get(uri = "/inbox/{eventId}", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.READ, summary = "One webhook event")
    public InboxEventView get(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable("eventId") long eventId) {
        return InboxEventView.of(inbox.get(caller.organizationId(), eventId));
    }

    @Post(uri = "/inbox/{eventId}/replay", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.WRITE,
            summary = "Replay one failed event now (as inbox --replay ID); 409 when it is not failed")
    public InboxEventView replay(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable("eventId") long eventId) {
        return InboxEventView.of(inbox.replay(caller.organizationId(), eventId, caller.actor()));
    }

    @Post(uri = "/integrations/{integrationId}/inbox/replay", produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(scope = Scope.WRITE, summary = "Replay every failed event of an integration now")
    public List<InboxEventView> replayIntegration(
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @PathVariable("integrationId") long integrationId) {
        return inbox.replayIntegration(caller.organizationId(), integrationId, caller.actor()).stream()
                .map(InboxEventView::of)
                .toList();
    }
}
