/**
 * The evaluator stage of DESIGN §4.4 and §8: {@link io.scoreline.gamification.KpiChangeDrain} drains
 * the {@code kpi_changes} outbox ({@code FOR UPDATE SKIP LOCKED}, one advisory lock per person) and
 * hands each profile's changed cells to every {@link io.scoreline.gamification.KpiChangeConsumer}
 * (badges, contests), which award, rank and notify; {@link io.scoreline.gamification.KpiChangeWorkers}
 * polls it on virtual threads in {@code serve}, and {@code drainUntilEmpty()} drains on the caller's
 * thread. A failure here never rolls back KPI data: the evaluator only reads {@code kpi_values}.
 */
package io.scoreline.gamification;
