package io.scoreline.sim.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is in which team and who manages whom, the same in both simulators and the same for a seed:
 * Salesforce serves the teams as its role hierarchy ({@code UserRole}, {@code User.UserRoleId},
 * {@code User.ManagerId}), HubSpot as each owner's primary team. Rep 0 heads {@code Sales}; every
 * other rep is in one of the leaf teams, drawn from the seed; the lowest-numbered rep of a leaf
 * team leads it and reports to rep 0, the others report to their lead. {@link #move} changes a
 * rep's team while a simulator runs (a re-org between two {@code users sync --teams-from-crm}).
 */
public final class SalesOrgChart {

    /** The teams, parents before children; the index is the team's id number in both CRMs. */
    private static final List<String> TEAMS =
            List.of("Sales", "Inbound", "Outbound", "Outbound EMEA", "Outbound Americas");

    private static final Map<String, String> PARENTS = Map.of(
            "Inbound", "Sales", "Outbound", "Sales", "Outbound EMEA", "Outbound", "Outbound Americas", "Outbound");
    private static final List<String> LEAVES = List.of("Inbound", "Outbound EMEA", "Outbound Americas");

    private final Map<Integer, String> teams = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> managers = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    SalesOrgChart(DatasetSpec spec, List<Rep> reps) {
        var leads = new ConcurrentHashMap<String, Integer>();
        for (var rep : reps) {
            int n = rep.number();
            if (n == 0) {
                teams.put(n, TEAMS.getFirst());
                continue;
            }
            var team = LEAVES.get(SeedMixer.random(spec.seed(), 7_201, n).nextInt(LEAVES.size()));
            teams.put(n, team);
            var lead = leads.putIfAbsent(team, n);
            managers.put(n, lead == null ? 0 : lead);
        }
    }

    public static List<String> allTeams() {
        return TEAMS;
    }

    /** The team's number in both CRMs (Salesforce {@code UserRole} id, HubSpot team id). */
    public static int teamNumber(String team) {
        int index = TEAMS.indexOf(team);
        if (index < 0) {
            throw new IllegalArgumentException("no simulated team '" + team + "'; one of " + TEAMS);
        }
        return index + 1;
    }

    public static Optional<String> parentOf(String team) {
        return Optional.ofNullable(PARENTS.get(team));
    }

    /** The rep's team; reps beyond the roster (none today) are in {@code Sales}. */
    public String teamOf(int repNumber) {
        return teams.getOrDefault(repNumber, TEAMS.getFirst());
    }

    public OptionalInt managerOf(int repNumber) {
        var manager = managers.get(repNumber);
        return manager == null ? OptionalInt.empty() : OptionalInt.of(manager);
    }

    /** Moves a rep to another team; their manager stays. */
    public void move(int repNumber, String team) {
        teamNumber(team);
        teams.put(repNumber, team);
        version.incrementAndGet();
    }

    /** Changes with every {@link #move}: a simulator that caches rows built from the chart rebuilds them. */
    public long version() {
        return version.get();
    }
}
