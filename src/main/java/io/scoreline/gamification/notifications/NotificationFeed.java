package io.scoreline.gamification.notifications;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The notifications of an organization's people (or of one person): newest first for the
 * operator, and as a feed a poller follows with a cursor (ADR 0040).
 */
@Singleton
public final class NotificationFeed {

    private final OrganizationStore organizations;
    private final AwardReader profiles;
    private final NotificationStore notifications;

    @Inject
    public NotificationFeed(OrganizationStore organizations, AwardReader profiles, NotificationStore notifications) {
        this.organizations = organizations;
        this.profiles = profiles;
        this.notifications = notifications;
    }

    /** The organization and its notifications. */
    public record Notifications(Organization organization, List<Notification> notifications) {
        public Notifications {
            notifications = List.copyOf(notifications);
        }
    }

    /** @throws ScorelineException not found when there is no such organization, or no such person in it */
    public Notifications list(String organizationSlug, Optional<String> profileEmail, int limit) {
        var organization = organizations.require(organizationSlug);
        Optional<Long> profileId = Optional.empty();
        if (profileEmail.isPresent()) {
            profileId = Optional.of(profiles.profileId(organization.id(), profileEmail.get())
                    .orElseThrow(() -> ScorelineException.notFound(
                            "no profile '" + profileEmail.get() + "' in " + organization.slug())));
        }
        return new Notifications(organization, notifications.list(organization.id(), profileId, limit));
    }

    /**
     * One page of the organization's feed, oldest first in the order notifications became visible.
     *
     * @throws ScorelineException not found when a person is named who is not of the organization
     */
    public FeedPage page(long organizationId, FeedQuery query) {
        var page = notifications.page(organizationId, query);
        // Only an empty page can hide an unknown person; a full one proves the person is ours.
        if (page.notifications().isEmpty()
                && query.profileId().isPresent()
                && !notifications.hasProfile(organizationId, query.profileId().get())) {
            throw ScorelineException.notFound("no profile " + query.profileId().get());
        }
        return page;
    }

    /**
     * Marks the notifications read for {@code actor} (idempotent: a first read time stays), all
     * or none.
     *
     * @throws ScorelineException not found when an id is not a notification of the organization
     */
    public List<Notification> markRead(long organizationId, Collection<Long> ids, Actor actor) {
        if (ids.isEmpty()) {
            throw ScorelineException.badInput("name at least one notification to mark read");
        }
        return notifications.markRead(organizationId, ids, actor);
    }
}
