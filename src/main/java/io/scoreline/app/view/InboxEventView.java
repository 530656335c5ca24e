package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.inbox.InboxEntry;
import java.time.Instant;

/**
 * A webhook inbox event: {@code inbox --json} and the API's inbox event body. The raw body stays in
 * the database: it is the CRM's payload, printed by neither.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboxEventView(
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

    public static InboxEventView of(InboxEntry entry) {
        return new InboxEventView(
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
