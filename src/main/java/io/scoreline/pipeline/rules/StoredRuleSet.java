package io.scoreline.pipeline.rules;

import java.time.Instant;

/** One immutable version of an integration's mapping rules, as stored. */
public record StoredRuleSet(
        long id, long integrationId, int version, String document, boolean active, Instant createdAt) {}
