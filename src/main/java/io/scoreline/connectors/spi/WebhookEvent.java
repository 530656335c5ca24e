package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a verified webhook, as the inbox is to store it.
 *
 * @param dedupeKey  the same for every redelivery of the event (scoped to the integration by the store)
 * @param objectType the object type as the rules name it ({@code Task}, {@code calls}); empty when
 *                   the event is about something the inbox does not process
 * @param rawBody    what is kept of the event for operators, replays and {@link CrmProfile#valueChange}
 */
public record WebhookEvent(
        String dedupeKey,
        Optional<String> objectType,
        String recordId,
        String eventType,
        Optional<Instant> occurredAt,
        String rawBody) {

    public WebhookEvent {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(rawBody, "rawBody");
    }
}
