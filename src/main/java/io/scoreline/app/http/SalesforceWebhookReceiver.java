package io.scoreline.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code POST /webhooks/salesforce/{integrationId}} without HTTP: parses the outbound message,
 * checks that it comes from the integration's Salesforce org and commits its notifications to
 * the inbox; the controller acknowledges only after that commit.
 */
final class SalesforceWebhookReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    WebhookOutcome receive(long integrationId, byte[] body) {
        SalesforceOutboundMessage message;
        try {
            message = SalesforceOutboundMessage.parse(body);
        } catch (SalesforceOutboundMessage.TooManyNotifications e) {
            return new WebhookOutcome.TooManyNotifications(e.count(), SalesforceOutboundMessage.MAX_NOTIFICATIONS);
        } catch (SalesforceOutboundMessage.MalformedMessage e) {
            return new WebhookOutcome.Malformed(e.getMessage());
        }
        int events = message.notifications().size();
        var route = routes.byId(integrationId).filter(r -> r.provider() == CrmProvider.SALESFORCE);
        if (route.isEmpty()) {
            return new WebhookOutcome.Dropped(events, "no Salesforce integration " + integrationId);
        }
        var expected = route.get().externalAccountId();
        if (expected.isEmpty()) {
            return new WebhookOutcome.Unauthorized("integration " + integrationId + " has no Salesforce org id to check messages "
                    + "against (integration add --salesforce-org-id)");
        }
        if (!sameOrg(expected.get(), message.organizationId())) {
            return new WebhookOutcome.Unauthorized("the message comes from another Salesforce org");
        }
        if (route.get().status() != IntegrationStatus.ACTIVE) {
            return new WebhookOutcome.Dropped(events, "integration " + integrationId + " is " + route.get().status().key());
        }
        var now = clock.instant();
        var inboxEvents = message.notifications().stream().map(SalesforceWebhookReceiver::toEvent).toList();
        int inserted = inbox.insert(route.get().organizationId(), integrationId, inboxEvents, now, now.plus(coalesceWindow));
        if (inserted > 0) {
            nudge.run();
        }
        return new WebhookOutcome.Accepted(events, inserted);
    }

    /** Org ids come in a 15-character case-sensitive form and an 18-character one with a checksum suffix. */
    static boolean sameOrg(String expected, String actual) {
        if (expected.length() >= 15 && actual.length() >= 15) {
            return expected.substring(0, 15).equals(actual.substring(0, 15));
        }
        return false;
    }

    private static InboxEvent toEvent(SalesforceOutboundMessage.Notification notification) {
        String fields;
        try {
            fields = JSON.writeValueAsString(notification.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        return new InboxEvent(CrmProvider.SALESFORCE, notification.id(), Optional.of(notification.objectType()),
                notification.recordId(), "outbound_message", modstamp(notification), fields);
    }

    private static Optional<Instant> modstamp(SalesforceOutboundMessage.Notification notification) {
        try {
            return Optional.ofNullable(notification.fields().get("SystemModstamp")).map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
