package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.WebhookDecoder;
import io.scoreline.connectors.spi.WebhookDirectory;
import io.scoreline.connectors.spi.WebhookEvent;
import io.scoreline.connectors.spi.WebhookReply;
import io.scoreline.connectors.spi.WebhookRequest;
import io.scoreline.connectors.spi.WebhookVerdict;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce outbound messages ({@code POST /webhooks/salesforce/{integrationId}/{secret}}): the
 * endpoint's secret, then the message, then its org are checked. A notification is delivered as
 * "this record changed" and nothing more: the inbox reads the record's current state back from
 * Salesforce (ADR 0020), so the values in a message, which no one signs, never reach a fact.
 */
final class SalesforceWebhooks implements WebhookDecoder {

    /** All the inbox keeps of a notification beyond its ids: its values are not to be trusted, nor used. */
    static final String NO_BODY = "{}";

    static final String ACK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
             <soapenv:Body>
              <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">
               <Ack>true</Ack>
              </notificationsResponse>
             </soapenv:Body>
            </soapenv:Envelope>
            """;

    @Override
    public boolean postsToIntegrationEndpoints() {
        return true;
    }

    /** Without the Ack Salesforce delivers the message again. */
    @Override
    public WebhookReply accepted(int events, int inserted) {
        return new WebhookReply("text/xml", ACK);
    }

    @Override
    public WebhookReply dropped(int events) {
        return new WebhookReply("text/xml", ACK);
    }

    @Override
    public WebhookVerdict decode(WebhookRequest request, WebhookDirectory directory) {
        // A missing secret is compared like a wrong one: the same work, the same answer.
        var target = directory.endpoint(request.integrationId().orElse(""), request.endpointSecret());
        if (target.isEmpty()) {
            return new WebhookVerdict.UnknownEndpoint();
        }
        long id = target.get().integrationId();
        SalesforceOutboundMessage message;
        try {
            message = SalesforceOutboundMessage.parse(request.body());
        } catch (SalesforceOutboundMessage.TooManyNotifications e) {
            return new WebhookVerdict.TooManyNotifications(e.count(), SalesforceOutboundMessage.MAX_NOTIFICATIONS);
        } catch (SalesforceOutboundMessage.MalformedMessage e) {
            return new WebhookVerdict.Malformed(e.getMessage());
        }
        int events = message.notifications().size();
        var expected = target.get().externalAccountId();
        if (expected.isEmpty()) {
            return new WebhookVerdict.Unauthorized("integration " + id + " has no Salesforce org id to check messages "
                    + "against (integration add --salesforce-org-id)");
        }
        if (!sameOrg(expected.get(), message.organizationId())) {
            return new WebhookVerdict.Unauthorized("the message comes from another Salesforce org");
        }
        if (!target.get().active()) {
            return new WebhookVerdict.Drop(
                    events, "integration " + id + " is " + target.get().status());
        }
        List<WebhookEvent> inboxEvents = message.notifications().stream()
                .map(SalesforceWebhooks::toEvent)
                .toList();
        return new WebhookVerdict.Deliver(List.of(new WebhookVerdict.Delivery(target.get(), inboxEvents)));
    }

    /** Org ids come in a 15-character case-sensitive form and an 18-character one with a checksum suffix. */
    static boolean sameOrg(String expected, String actual) {
        if (expected.length() >= 15 && actual.length() >= 15) {
            return expected.substring(0, 15).equals(actual.substring(0, 15));
        }
        return false;
    }

    private static WebhookEvent toEvent(SalesforceOutboundMessage.Notification notification) {
        return new WebhookEvent(
                notification.id(),
                Optional.of(notification.objectType()),
                notification.recordId(),
                "outbound_message",
                Optional.empty(),
                NO_BODY);
    }
}
