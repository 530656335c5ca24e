package io.scoreline.gamification.notifications;

import java.util.Objects;

/** A notification to write, keyed by what happened ({@code dedupeKey}); see {@link NotificationStore#createAll}. */
public record NewNotification(long profileId, NotificationKind kind, String dedupeKey, String payloadJson) {

    public NewNotification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
