package io.scoreline.pipeline.identities;

/** What {@code users sync} did: CRM users seen, newly linked to profiles, profiles created, still unmatched. */
public record UsersSyncResult(int usersSeen, int newlyLinked, int profilesCreated, int unmatched) {}
