package io.scoreline.gamification.notifications;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The notifications of an organization's people (or of one person), newest first. */
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
}
