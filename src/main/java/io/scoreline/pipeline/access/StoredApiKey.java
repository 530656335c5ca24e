package io.scoreline.pipeline.access;

import java.time.Instant;
import java.util.Optional;

/** The row a bearer's prefix finds: what verification needs. */
record StoredApiKey(
        long id,
        Optional<Long> organizationId,
        String hash,
        Scope scope,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt) {}
