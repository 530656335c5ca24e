/**
 * What goals cause as KPI values change: "goal reached" and "behind pace" notifications, judged on
 * the injected clock from the stored values and each person's resolved goal.
 */
package io.scoreline.gamification.goalalerts;
