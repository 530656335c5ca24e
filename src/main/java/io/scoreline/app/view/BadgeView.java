package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.badges.BadgeRuleJson;
import io.scoreline.gamification.badges.CatalogBadge;
import java.util.Map;

/**
 * A badge of a catalog, the rule in the catalog's own form: {@code badges catalog --json} and the
 * API's badge body; {@code origin} is {@code stock} or {@code custom}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BadgeView(
        String badge,
        String name,
        String category,
        String description,
        String policy,
        Map<String, Object> rule,
        String origin) {

    public static BadgeView of(CatalogBadge badge) {
        var definition = badge.definition();
        return new BadgeView(
                definition.key(),
                definition.name(),
                definition.category(),
                definition.description(),
                definition.policy().key(),
                BadgeRuleJson.toMap(definition.rule()),
                badge.origin());
    }
}
