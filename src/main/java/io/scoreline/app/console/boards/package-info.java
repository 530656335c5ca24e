/**
 * The console's Boards (issue 24): KPI totals by person and by team, contests with a leaderboard
 * that refreshes in place, badge awards with their evidence and the notification feed. Each page
 * calls the use case its {@code /api/v1} endpoint calls and renders the same views.
 */
package io.scoreline.app.console.boards;
