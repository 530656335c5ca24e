package io.scoreline.gamification.badges;

import java.util.List;

/** The badges a catalog defines, or the problems that keep it from being used (then no badges). */
public record CatalogReadResult(List<BadgeDefinition> badges, List<CatalogProblem> problems) {

    public CatalogReadResult {
        badges = List.copyOf(badges);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
