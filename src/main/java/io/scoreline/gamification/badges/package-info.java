/**
 * Badges (DESIGN §8, ADR 0006): the catalog ({@link io.scoreline.gamification.badges.BadgeCatalogReader},
 * stock {@code pipeline/gamification/badges.yaml}), the rule kinds ({@link io.scoreline.gamification.badges.BadgeRule}),
 * organization calendars ({@link io.scoreline.gamification.badges.PeriodCalendar}) and the
 * {@link io.scoreline.gamification.badges.BadgeEvaluator}, a {@code KpiChangeConsumer} that judges the
 * touched periods from {@code kpi_values} and reconciles awards (unique per profile, badge and period key,
 * with evidence) under each badge's retraction policy. The contest evaluator awards placement badges by
 * key through {@link io.scoreline.gamification.badges.BadgeStore#idOf}.
 */
package io.scoreline.gamification.badges;
