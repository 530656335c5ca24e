/**
 * The evaluator stage of DESIGN §4.4 and §8: it drains the {@code kpi_changes} outbox and hands
 * each profile's changed cells to the consumers (badges, contests), which award, rank and notify.
 * A failure here never rolls back KPI data: the evaluator only reads {@code kpi_values}.
 */
package io.scoreline.gamification;
