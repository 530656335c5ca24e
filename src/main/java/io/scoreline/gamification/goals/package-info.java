/**
 * Goals as a sales manager uses them (ADR 0044): set, list and remove them, and the progress of a
 * person or team towards their goal in a period, with percent of goal and pace over working days.
 */
package io.scoreline.gamification.goals;
