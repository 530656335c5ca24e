package io.scoreline.app.http;

import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.WebhookRoute;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /webhooks/salesforce/{integrationId}/{secret}} without HTTP: finds the endpoint by
 * its secret before reading anything else, parses the outbound message, checks that it comes from
 * the integration's Salesforce org and commits its notifications to the inbox; the controller
 * acknowledges only after that commit. A notification is stored as "this record changed" and
 * nothing more: the inbox reads the record's current state back from Salesforce (ADR 0020), so the
 * values in a message, which no one signs, never reach a fact.
 */
final class SalesforceWebhookReceiver {

    /** All the inbox keeps of a notification beyond its ids: its values are not to be trusted, nor used. */
    static final String NO_BODY = "{}";

    private final WebhookRoutes routes;
    private final InboxStore inbox;
    private final Runnable nudge;
    private final Duration coalesceWindow;
    private final Clock clock;

    SalesforceWebhookReceiver(WebhookRoutes routes, InboxStore inbox, Runnable nudge, Duration coalesceWindow, Clock clock) {
        this.routes = routes;
        this.inbox = inbox;
        this.nudge = nudge;
        this.coalesceWindow = coalesceWindow;
        this.clock = clock;
    }

    /**
     * @param integrationId the id segment of the URL as sent (anything not a number is an unknown endpoint)
     * @param secret        the secret segment, empty when the URL has none
     */
    WebhookOutcome receive(String integrationId, Optional<String> secret, byte[] body) {
        var route = endpoint(integrationId, secret);
        if (route.isEmpty()) {
            return new WebhookOutcome.UnknownEndpoint();
        }
        long id = route.get().integrationId();
        SalesforceOutboundMessage message;
        try {
            message = SalesforceOutboundMessage.parse(body);
        } catch (SalesforceOutboundMessage.TooManyNotifications e) {
            return new WebhookOutcome.TooManyNotifications(e.count(), SalesforceOutboundMessage.MAX_NOTIFICATIONS);
        } catch (SalesforceOutboundMessage.MalformedMessage e) {
            return new WebhookOutcome.Malformed(e.getMessage());
        }
        int events = message.notifications().size();
        var expected = route.get().externalAccountId();
        if (expected.isEmpty()) {
            return new WebhookOutcome.Unauthorized("integration " + id + " has no Salesforce org id to check messages "
                    + "against (integration add --salesforce-org-id)");
        }
        if (!sameOrg(expected.get(), message.organizationId())) {
            return new WebhookOutcome.Unauthorized("the message comes from another Salesforce org");
        }
        if (route.get().status() != IntegrationStatus.ACTIVE) {
            return new WebhookOutcome.Dropped(events, "integration " + id + " is " + route.get().status().key());
        }
        var now = clock.instant();
        var inboxEvents = message.notifications().stream().map(SalesforceWebhookReceiver::toEvent).toList();
        int inserted = inbox.insert(route.get().organizationId(), id, inboxEvents, now, now.plus(coalesceWindow));
        if (inserted > 0) {
            nudge.run();
        }
        return new WebhookOutcome.Accepted(events, inserted);
    }

    private Optional<WebhookRoute> endpoint(String integrationId, Optional<String> secret) {
        long id;
        try {
            id = Long.parseLong(integrationId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A missing secret is compared like a wrong one: the same work, the same answer.
        return routes.salesforceEndpoint(id, secret.orElse(""));
    }

    /** Org ids come in a 15-character case-sensitive form and an 18-character one with a checksum suffix. */
    static boolean sameOrg(String expected, String actual) {
        if (expected.length() >= 15 && actual.length() >= 15) {
            return expected.substring(0, 15).equals(actual.substring(0, 15));
        }
        return false;
    }

    private static InboxEvent toEvent(SalesforceOutboundMessage.Notification notification) {
        return new InboxEvent(CrmProvider.SALESFORCE, notification.id(), Optional.of(notification.objectType()),
                notification.recordId(), "outbound_message", Optional.empty(), NO_BODY);
    }
}
