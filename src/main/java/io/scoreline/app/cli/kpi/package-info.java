/** {@code scoreline kpi show}, {@code leaderboard} and {@code notifications}: what the KPIs and contests say, read through their use cases. */
package io.scoreline.app.cli.kpi;
