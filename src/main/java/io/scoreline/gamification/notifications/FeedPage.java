package io.scoreline.gamification.notifications;

import java.util.List;

/**
 * One page of the notification feed, oldest first, and where the next one starts: after the last
 * notification of this page, or where this page started when it is empty (nothing new yet).
 */
public record FeedPage(List<Notification> notifications, FeedCursor next) {

    public FeedPage {
        notifications = List.copyOf(notifications);
    }
}
