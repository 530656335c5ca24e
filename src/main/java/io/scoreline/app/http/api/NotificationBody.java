package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.notifications.Notification;
import java.io.IOException;
import java.time.Instant;

/**
 * A notification as the feed shows it: the fields and words of {@code notifications --json}
 * (profile, kind, dedupe_key, created_at, payload), with the ids and read time a sales app needs.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationBody(
        long id,
        @JsonProperty("profile_id") long profileId,
        String profile,
        String kind,
        @JsonProperty("dedupe_key") String dedupeKey,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("read_at") @Nullable Instant readAt,
        JsonNode payload) {

    static NotificationBody of(Notification notification, JsonMapper json) {
        JsonNode payload;
        try {
            payload = json.readValue(notification.payload(), JsonNode.class);
        } catch (IOException e) {
            // The column is jsonb: the database has already parsed it once.
            throw new ScorelineException(FailureKind.BUG, "a stored notification payload is not JSON", e);
        }
        return new NotificationBody(
                notification.id(),
                notification.profileId(),
                notification.profileEmail(),
                notification.kind().key(),
                notification.dedupeKey(),
                notification.createdAt(),
                notification.readAt().orElse(null),
                payload);
    }
}
