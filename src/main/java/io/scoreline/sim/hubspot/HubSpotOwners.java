package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.Rep;
import io.scoreline.sim.data.SalesOrgChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reps as HubSpot owners. Records reference the owner {@code id}, not the {@code userId}. */
public final class HubSpotOwners {

    private static final long OWNER_BASE = 60_000_000;
    private static final long USER_BASE = 9_000_000;
    private static final long TEAM_BASE = 178_500;

    private HubSpotOwners() {}

    public static long ownerId(int repNumber) {
        return OWNER_BASE + repNumber;
    }

    public static long userId(int repNumber) {
        return USER_BASE + repNumber;
    }

    /** Deactivated users' owners are archived, as in HubSpot. */
    static Map<String, Object> json(Rep rep) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("id", Long.toString(ownerId(rep.number())));
        owner.put("email", rep.email());
        owner.put("type", "PERSON");
        owner.put("firstName", rep.firstName());
        owner.put("lastName", rep.lastName());
        owner.put("userId", rep.active() ? userId(rep.number()) : null);
        owner.put("userIdIncludingInactive", userId(rep.number()));
        owner.put("createdAt", HubSpotPropertyMapper.iso(rep.createdAt()));
        owner.put("updatedAt", HubSpotPropertyMapper.iso(rep.active() ? rep.createdAt() : rep.deactivatedAt()));
        owner.put("archived", !rep.active());
        owner.put("teams", List.of(Map.of("id", "178588", "name", "Sales", "primary", true)));
        return owner;
    }

    /** With the rep's team of the org chart as their one, primary team (HubSpot teams are flat). */
    static Map<String, Object> json(Rep rep, SalesOrgChart chart) {
        var owner = json(rep);
        var team = chart.teamOf(rep.number());
        owner.put(
                "teams",
                List.of(Map.of(
                        "id",
                        Long.toString(TEAM_BASE + SalesOrgChart.teamNumber(team)),
                        "name",
                        team,
                        "primary",
                        true)));
        return owner;
    }
}
