package io.scoreline.pipeline.inbox;

import io.scoreline.connectors.spi.CrmProfiles;
import java.time.Instant;
import java.util.Optional;

/**
 * A property-change event as the inbox holds it, of a CRM that sends the property's new value with
 * the event (HubSpot), so that the change can be applied to the record we store without reading it
 * back (ADR 0016).
 *
 * @param value the new value as a record field ({@code null} for a cleared property)
 */
record PropertyChange(InboxEntry entry, String property, Object value) {

    String recordId() {
        return entry.recordId();
    }

    Instant occurredAt() {
        return entry.occurredAt().orElseThrow();
    }

    /**
     * The change an entry carries, if its CRM sent the new value with it (ADR 0016); anything else
     * (creations, deletions, merges, a body that cannot be read) is left to a read of the
     * record's current state.
     */
    static Optional<PropertyChange> of(InboxEntry entry) {
        return CrmProfiles.of(entry.provider())
                .valueChange(entry.eventType(), entry.occurredAt(), entry.rawBody())
                .map(change -> new PropertyChange(entry, change.field(), change.value()));
    }
}
