package io.scoreline.gamification.badges;

/**
 * A badge of an organization's catalog and where it comes from: {@code stock} (the bundled
 * catalog) or {@code custom} (the organization's own, added or replacing a stock one by key).
 */
public record CatalogBadge(BadgeDefinition definition, String origin) {}
