package io.scoreline.app.demo;

import io.scoreline.app.view.GoalProgressView;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.pipeline.kpi.KpiTotal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the demo prints after its backfill, read back from the database (not from the demo's own
 * counters), so that what a newcomer sees is what {@code kpi show}, {@code badges} and
 * {@code leaderboard} will show them.
 *
 * @param replacedEarlier whether an earlier demo organization was deleted first
 * @param teams      team name per profile e-mail
 * @param badges     badges held (not revoked): profile e-mail → badge name → how many periods
 * @param contest    the running contest's leaderboard, best first
 * @param scorecard  the scorecard contest's leaderboard, best first
 * @param goal       one rep's progress towards the demo's monthly goal
 * @param endpoints  name → URL of the server's endpoints
 */
public record DemoSummary(
        String organization,
        boolean replacedEarlier,
        LocalDate from,
        LocalDate to,
        List<KpiTotal> totals,
        Map<String, String> teams,
        Map<String, Map<String, Integer>> badges,
        Leaderboard contest,
        Leaderboard scorecard,
        GoalProgressView goal,
        Map<String, URI> endpoints) {

    public DemoSummary {
        totals = List.copyOf(totals);
        teams = Map.copyOf(teams);
        badges = Map.copyOf(badges);
        endpoints = Map.copyOf(endpoints);
    }
}
