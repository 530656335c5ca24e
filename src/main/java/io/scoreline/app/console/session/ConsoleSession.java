package io.scoreline.app.console.session;

import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * A live console session as one request sees it.
 *
 * @param organizationId empty while the holder of a platform key has not picked an organization
 * @param keyId          the API key that opened it: audit rows name it, as for the API
 * @param csrfToken      the synchronizer token every form of this session carries
 */
public record ConsoleSession(
        SessionId id, Optional<Long> organizationId, long keyId, Scope scope, String csrfToken, Instant expiresAt) {

    /** The caller the use cases see: the same as an API request with the same key. */
    public Optional<ApiCaller.OrganizationKey> caller() {
        return organizationId.map(org -> new ApiCaller.OrganizationKey(keyId, org, scope));
    }
}
