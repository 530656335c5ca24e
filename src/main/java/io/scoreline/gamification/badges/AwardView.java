package io.scoreline.gamification.badges;

import java.time.Instant;
import java.util.Optional;

/** An award as {@code badges --org} shows it; {@code evidence} is its JSON text. */
public record AwardView(
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
