package io.scoreline.pipeline.inbox;

import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.Optional;

/** One stored inbox row, as workers claim it and {@code scoreline inbox} lists it. */
public record InboxEntry(
        long id,
        long organizationId,
        long integrationId,
        CrmProvider provider,
        String dedupeKey,
        Optional<String> objectType,
        String recordId,
        String eventType,
        Optional<Instant> occurredAt,
        String rawBody,
        InboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Instant receivedAt,
        Optional<Instant> processedAt) {}
