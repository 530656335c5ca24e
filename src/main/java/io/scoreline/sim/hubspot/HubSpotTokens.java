package io.scoreline.sim.hubspot;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** OAuth access tokens issued by refresh (30 minutes by default) and the never-expiring private-app token. */
final class HubSpotTokens {

    /** What a bearer token turned out to be. */
    sealed interface Check {
        record Valid() implements Check {}

        record Expired(Duration ago) implements Check {}

        record Unknown() implements Check {}
    }

    private final Clock clock;
    private final HubSpotCredentials credentials;
    private final Supplier<Duration> lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();

    HubSpotTokens(Clock clock, HubSpotCredentials credentials, Supplier<Duration> lifetime) {
        this.clock = clock;
        this.credentials = credentials;
        this.lifetime = lifetime;
    }

    String issue() {
        byte[] bytes = new byte[120];
        random.nextBytes(bytes);
        String token = "CK" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, clock.instant());
        return token;
    }

    Duration lifetime() {
        return lifetime.get();
    }

    Check check(String token) {
        if (credentials.privateAppToken().equals(token)) {
            return new Check.Valid();
        }
        Instant issuedAt = issued.get(token);
        if (issuedAt == null) {
            return new Check.Unknown();
        }
        Instant expiresAt = issuedAt.plus(lifetime.get());
        Instant now = clock.instant();
        return expiresAt.isAfter(now) ? new Check.Valid() : new Check.Expired(Duration.between(expiresAt, now));
    }

    /** Ends every OAuth access token; the private-app token stays valid. */
    void expireAll() {
        issued.replaceAll((token, at) -> Instant.EPOCH);
    }
}
