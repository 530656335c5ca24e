package io.scoreline.pipeline.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.mappings.HubSpotRecords;
import java.time.Instant;
import java.util.Optional;

/**
 * A HubSpot property-change event as the inbox holds it: HubSpot sends the property's new value
 * with the event, so the change can be applied to the record we store without reading it back
 * (ADR 0016).
 *
 * @param value the new value as a record field ({@code null} for a cleared property)
 */
record PropertyChange(InboxEntry entry, String property, Object value) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".propertyChange";

    String recordId() {
        return entry.recordId();
    }

    Instant occurredAt() {
        return entry.occurredAt().orElseThrow();
    }

    /**
     * The change an entry carries, if it is a HubSpot property change with a time, a property
     * name and a value; anything else (creations, deletions, merges, a body we cannot read) is
     * left to a read of the record's current state.
     */
    static Optional<PropertyChange> of(InboxEntry entry) {
        if (entry.provider() != CrmProvider.HUBSPOT || !entry.eventType().endsWith(SUFFIX) || entry.occurredAt().isEmpty()) {
            return Optional.empty();
        }
        try {
            var event = JSON.readTree(entry.rawBody());
            var name = event.path("propertyName");
            var value = event.path("propertyValue");
            // A change without its value cannot be applied; HubSpot sends a cleared value as "".
            if (!name.isTextual() || name.asText().isBlank() || !value.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new PropertyChange(entry, name.asText(), HubSpotRecords.fieldValue(value.asText())));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
