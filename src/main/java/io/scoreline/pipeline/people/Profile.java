package io.scoreline.pipeline.people;

import java.util.Optional;

/** A person of an organization: a KPI owner and a leaderboard row. {@code manager} is the manager's e-mail. */
public record Profile(
        long id,
        String email,
        Optional<String> displayName,
        Optional<String> team,
        Optional<String> manager,
        Role role,
        boolean active) {}
