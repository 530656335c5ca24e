package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.AwardView;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * A badge award with its evidence (rule, window, value, contributing records): {@code badges --json}
 * and the API's award body. {@code revoked_at} and {@code reversed_at} only when they happened.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BadgeAwardView(
        long id,
        @JsonProperty("profile_id") long profileId,
        String profile,
        String badge,
        @JsonProperty("period_key") String periodKey,
        String status,
        @JsonProperty("awarded_at") Instant awardedAt,
        String name,
        String category,

        @JsonProperty("revoked_at") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Instant revokedAt,

        @JsonProperty("reversed_at") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Instant reversedAt,

        Map<String, Object> evidence) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    public static BadgeAwardView of(AwardView award) {
        return new BadgeAwardView(
                award.id(),
                award.profileId(),
                award.profileEmail(),
                award.badgeKey(),
                award.periodKey(),
                award.status(),
                award.awardedAt(),
                award.badgeName(),
                award.category(),
                award.revokedAt().orElse(null),
                award.reversedAt().orElse(null),
                evidence(award.evidence()));
    }

    // A map, not a tree: the API's serde writes maps, and the CLI's Jackson writes both alike.
    private static Map<String, Object> evidence(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BUG, "stored award evidence is not a JSON object", e);
        }
    }
}
