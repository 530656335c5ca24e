package io.scoreline.gamification.badges;

/** A badge row of one organization: its id (what awards reference) and its definition. */
public record Badge(long id, BadgeDefinition definition) {

    public String key() {
        return definition.key();
    }
}
