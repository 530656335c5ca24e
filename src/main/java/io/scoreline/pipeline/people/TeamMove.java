package io.scoreline.pipeline.people;

import java.util.Optional;

/** A person {@code users sync --teams-from-crm} put into another team: from (none the first time) to. */
public record TeamMove(String email, Optional<String> from, String to) {}
