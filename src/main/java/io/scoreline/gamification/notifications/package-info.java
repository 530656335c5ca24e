/** Notifications for reps (badge earned, took the lead, top 3, target reached, contest won, goal reached, behind pace), deduplicated by key. */
package io.scoreline.gamification.notifications;
