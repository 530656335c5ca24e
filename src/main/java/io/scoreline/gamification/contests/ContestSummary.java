package io.scoreline.gamification.contests;

/** A contest with the number of rows on its leaderboard (people, or teams). */
public record ContestSummary(Contest contest, int entries) {}
