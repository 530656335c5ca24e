package io.scoreline.gamification.notifications;

import java.time.Instant;
import java.util.Optional;

/** A notification as stored; {@code payload} is its JSON text. */
public record Notification(
        long id,
        long profileId,
        String profileEmail,
        NotificationKind kind,
        String dedupeKey,
        String payload,
        Instant createdAt,
        Optional<Instant> readAt) {}
