package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.inbox.InboxEntry;
import java.time.Instant;

/**
 * A webhook inbox event as the API shows it: the fields and words of {@code inbox --json}. The raw
 * body stays in the database: it is the CRM's payload, and the CLI does not print it either.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboxEventBody(
        long id,
        long organization,
        long integration,
        String provider,
        @JsonProperty("object_type") @Nullable String objectType,
        @JsonProperty("record_id") String recordId,
        @JsonProperty("event_type") String eventType,
        String status,
        int attempts,
        @JsonProperty("received_at") String receivedAt,
        @JsonProperty("processed_at") @Nullable String processedAt,
        @JsonProperty("last_error") @Nullable String lastError) {

    static InboxEventBody of(InboxEntry entry) {
        return new InboxEventBody(
                entry.id(),
                entry.organizationId(),
                entry.integrationId(),
                entry.provider().key(),
                entry.objectType().orElse(null),
                entry.recordId(),
                entry.eventType(),
                entry.status().key(),
                entry.attempts(),
                entry.receivedAt().toString(),
                entry.processedAt().map(Instant::toString).orElse(null),
                entry.lastError().orElse(null));
    }
}
