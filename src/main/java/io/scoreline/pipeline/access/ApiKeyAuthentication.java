package io.scoreline.pipeline.access;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns the bearer of a request into its caller. Checks run cheapest first: the shape (no
 * database), the prefix look-up, then the keyed hash compared in constant time; revocation and
 * expiry only after the hash matched, so that they say nothing about keys the caller does not hold.
 */
@Singleton
public final class ApiKeyAuthentication {

    /**
     * Compared with when no key has the prefix, so that an unknown prefix costs the same keyed hash
     * as a known one: the time of a refusal does not tell a caller which prefixes exist.
     */
    private static final String NO_SUCH_KEY_HASH = "00".repeat(32);

    /** Last use is kept to the minute: one write a minute per key at most, not one per request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiKeyStore keys;
    private final ApiKeyHasher hasher;
    private final Clock clock;

    @Inject
    public ApiKeyAuthentication(ApiKeyStore keys, ApiKeyHasher hasher, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @param authorization the {@code Authorization} header, if any */
    public Authentication authenticate(Optional<String> authorization) {
        var bearer = authorization.flatMap(ApiKeyAuthentication::bearer);
        if (bearer.isEmpty()) {
            return new Authentication.Refused(Authentication.Reason.MISSING, -1);
        }
        var key = ApiKeyText.parse(bearer.get());
        if (key.isEmpty()) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN, -1);
        }
        var stored = keys.byPrefix(key.get().prefix());
        var matched = hasher.matches(key.get(), stored.map(StoredApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        if (stored.isEmpty() || !matched) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN, -1);
        }
        var row = stored.get();
        var now = clock.instant();
        if (row.revokedAt().isPresent()) {
            return new Authentication.Refused(Authentication.Reason.REVOKED, row.id());
        }
        if (row.expiresAt().isPresent() && !now.isBefore(row.expiresAt().get())) {
            return new Authentication.Refused(Authentication.Reason.EXPIRED, row.id());
        }
        if (row.lastUsedAt().isEmpty()
                || row.lastUsedAt().get().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            keys.used(row.id(), now);
        }
        ApiCaller caller = row.organizationId()
                .<ApiCaller>map(org -> new ApiCaller.OrganizationKey(row.id(), org, row.scope()))
                .orElseGet(() -> new ApiCaller.PlatformKey(row.id(), row.scope()));
        return new Authentication.Authenticated(caller);
    }

    /** RFC 6750 §2.1: the scheme is case-insensitive, one space, then the token. */
    private static Optional<String> bearer(String header) {
        var scheme = "bearer ";
        if (header.length() <= scheme.length() || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(scheme.length()).strip());
    }
}
