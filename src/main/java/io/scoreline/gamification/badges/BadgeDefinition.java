package io.scoreline.gamification.badges;

import java.util.Objects;

/** A badge as the catalog defines it: stable key, display name, category, rule and retraction policy. */
public record BadgeDefinition(
        String key, String name, String category, String description, BadgeRule rule, RetractionPolicy policy) {

    public BadgeDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(policy, "policy");
        description = description == null ? "" : description;
    }
}
