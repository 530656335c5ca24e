package io.scoreline.gamification.notifications;

import java.util.Optional;

/**
 * What a poller asks of the feed.
 *
 * @param profileId  one person's notifications only
 * @param unreadOnly only notifications not marked read (read ones still move the cursor on)
 * @param after      where the previous page ended
 * @param limit      at most this many
 */
public record FeedQuery(Optional<Long> profileId, boolean unreadOnly, FeedCursor after, int limit) {

    public FeedQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("a feed page holds at least one notification");
        }
    }
}
