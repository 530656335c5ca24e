package io.scoreline.gamification.badges;

import java.time.Instant;
import java.util.Optional;

/**
 * An award as {@code badges --org} shows it; {@code evidence} is its JSON text. {@code id} and
 * {@code profileId} name the award and the person for the API, which addresses things by id.
 */
public record AwardView(
        long id,
        long profileId,
        String profileEmail,
        String badgeKey,
        String badgeName,
        String category,
        String periodKey,
        String status,
        Instant awardedAt,
        Optional<Instant> revokedAt,
        Optional<Instant> reversedAt,
        String evidence) {}
