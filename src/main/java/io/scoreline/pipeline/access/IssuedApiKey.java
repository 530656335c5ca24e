package io.scoreline.pipeline.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A key just created: the only time its text exists outside the caller's hands.
 *
 * @param organization the organization's slug; empty for a platform key
 */
public record IssuedApiKey(
        long id, ApiKeyText key, String name, Scope scope, Optional<String> organization, Optional<Instant> expiresAt) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", key=" + key + ", name=" + name + "]";
    }
}
