package io.scoreline.pipeline.people;

import java.util.Optional;

/**
 * A person of an organization: a KPI owner and a leaderboard row. {@code team} is the team's name
 * and {@code manager} the manager's e-mail, each with its id beside it.
 */
public record Profile(
        long id,
        String email,
        Optional<String> displayName,
        Optional<String> team,
        Optional<Long> teamId,
        Optional<String> manager,
        Optional<Long> managerId,
        Role role,
        boolean active) {}
