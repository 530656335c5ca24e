package io.scoreline.pipeline.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * One immutable version of an integration's mapping rules, as stored.
 *
 * @param createdBy who stored it (a column without a constraint, so possibly unknown): {@code cli}, {@code demo}, or the API key's audit name ({@code api_key:ID})
 */
public record StoredRuleSet(
        long id,
        long integrationId,
        int version,
        String document,
        boolean active,
        Instant createdAt,
        Optional<String> createdBy) {}
