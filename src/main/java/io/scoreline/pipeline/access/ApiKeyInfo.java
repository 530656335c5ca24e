package io.scoreline.pipeline.access;

import java.time.Instant;
import java.util.Optional;

/**
 * What a listing shows of a key: never the key or its hash.
 *
 * @param prefix {@code sl_} and the key's first characters, enough to tell keys apart
 */
public record ApiKeyInfo(
        long id,
        String prefix,
        String name,
        Scope scope,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt) {}
