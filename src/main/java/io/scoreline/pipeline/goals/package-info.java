/**
 * Goals (ADR 0044): targets for one KPI per week, month or quarter, stored per person, team, role
 * default or team-members default, and resolved for a person or team and period by
 * {@link io.scoreline.pipeline.goals.GoalTargets}, the read API that notifications, badges and
 * contests on goals call inside their own transaction.
 */
package io.scoreline.pipeline.goals;
