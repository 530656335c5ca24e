package io.scoreline.pipeline.inbox;

import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One authenticated webhook event as a controller hands it to the inbox.
 *
 * @param dedupeKey the same for every redelivery of the event (scoped to the integration by the store)
 * @param objectType the object type as the rules name it ({@code Task}, {@code calls}); empty when
 *                   the event is about something the inbox does not process
 * @param rawBody    the event as received (HubSpot: its JSON object), kept for operators and
 *                   replays; Salesforce: {@code {}}, since an unsigned notification's values are
 *                   never used, only its record id (ADR 0020)
 */
public record InboxEvent(
        CrmProvider provider,
        String dedupeKey,
        Optional<String> objectType,
        String recordId,
        String eventType,
        Optional<Instant> occurredAt,
        String rawBody) {

    /**
     * The event type of a read Scoreline schedules itself, after applying changes from events
     * (ADR 0016); it is processed like any event that needs the record's current state.
     */
    public static final String VERIFY = "scoreline.verify";

    public InboxEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(rawBody, "rawBody");
    }
}
