package io.scoreline.pipeline.people;

import java.util.Optional;

/**
 * One team of an organization as listed: its place in the tree ({@code depth} 0 for a top-level
 * team, {@code parent} and {@code parentId} empty), the people directly in it and its direct
 * sub-teams.
 */
public record Team(
        long id, String name, Optional<String> parent, Optional<Long> parentId, int depth, int members, int subTeams) {}
