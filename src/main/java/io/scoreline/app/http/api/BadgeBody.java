package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.badges.BadgeRuleJson;
import io.scoreline.gamification.badges.CatalogBadge;
import java.util.Map;

/**
 * A badge of the organization's catalog: the fields of {@code badges catalog --json}, and
 * {@code origin} ({@code stock} or {@code custom}).
 */
@Serdeable
public record BadgeBody(
        String badge,
        String name,
        String category,
        String description,
        String policy,
        Map<String, Object> rule,
        String origin) {

    static BadgeBody of(CatalogBadge badge) {
        var definition = badge.definition();
        return new BadgeBody(
                definition.key(),
                definition.name(),
                definition.category(),
                definition.description(),
                definition.policy().key(),
                BadgeRuleJson.toMap(definition.rule()),
                badge.origin());
    }
}
