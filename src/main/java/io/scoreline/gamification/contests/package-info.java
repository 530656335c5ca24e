/**
 * Contests (DESIGN §8): one KPI over whole days in the organization's time zone, for people or teams,
 * with an optional target. {@link io.scoreline.gamification.contests.ContestStore} creates and reads
 * them; {@link io.scoreline.gamification.contests.ContestLeaderboardUpdater}, a
 * {@link io.scoreline.gamification.KpiChangeConsumer}, keeps the boards current and sends the rank and
 * target notifications; {@link io.scoreline.gamification.contests.ContestLifecycle}, run by
 * {@link io.scoreline.gamification.contests.ContestLifecycleTicker} on every serving node, moves them
 * {@code scheduled → live → provisional → final} and, at final, announces winners and awards placement
 * badges. Scores are always recomputed from {@code kpi_values}, never accumulated, so replays and
 * corrections converge; ties go to whoever's last counted activity came first.
 */
package io.scoreline.gamification.contests;
