package io.scoreline.connectors.spi;

import java.util.List;

/** What a webhook decoder decided about one request; each answers with one HTTP status. */
public sealed interface WebhookVerdict {

    /** Authentic: these events go to these active integrations, and no others. */
    record Deliver(List<Delivery> deliveries) implements WebhookVerdict {
        public Deliver {
            deliveries = List.copyOf(deliveries);
            if (deliveries.isEmpty()) {
                throw new IllegalArgumentException("nothing to deliver is a Drop");
            }
        }
    }

    /** Events for one integration. */
    record Delivery(WebhookTarget target, List<WebhookEvent> events) {
        public Delivery {
            events = List.copyOf(events);
        }
    }

    /** Authentic, or not checkable, but for no active integration: answered 2xx so the CRM stops retrying. */
    record Drop(int events, String reason) implements WebhookVerdict {}

    /** Bad or missing signature, stale timestamp, foreign account: 401. */
    record Unauthorized(String reason) implements WebhookVerdict {}

    /** No endpoint here for the caller (unknown integration, another CRM's, a wrong secret): 404, revealing nothing. */
    record UnknownEndpoint() implements WebhookVerdict {}

    /** Not a well-formed webhook of the CRM: 400. */
    record Malformed(String reason) implements WebhookVerdict {}

    /** More events in one request than the CRM ever sends: 413, and nothing is stored. */
    record TooManyNotifications(int count, int limit) implements WebhookVerdict {}
}
