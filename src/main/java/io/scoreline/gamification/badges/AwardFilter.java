package io.scoreline.gamification.badges;

import java.util.Optional;

/** Which awards to list: everyone's, or one person's, of every badge or of one (by key). */
public record AwardFilter(Optional<Long> profileId, Optional<String> badgeKey) {

    public static final AwardFilter ALL = new AwardFilter(Optional.empty(), Optional.empty());
}
