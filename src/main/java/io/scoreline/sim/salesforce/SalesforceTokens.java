package io.scoreline.sim.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Issued access tokens, their lifetime, and whether the refresh token has been revoked. */
final class SalesforceTokens {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Clock clock;
    private final String orgId;
    private final Supplier<Duration> lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SalesforceSession> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshTokenRevoked = new AtomicBoolean();

    SalesforceTokens(Clock clock, String orgId, Supplier<Duration> lifetime) {
        this.clock = clock;
        this.orgId = orgId;
        this.lifetime = lifetime;
    }

    SalesforceSession issue(String userId) {
        StringBuilder token = new StringBuilder(orgId.substring(0, 15)).append("!AQ");
        for (int i = 0; i < 96; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        SalesforceSession session = new SalesforceSession(token.toString(), userId, clock.instant());
        sessions.put(session.accessToken(), session);
        return session;
    }

    /** The live session of a bearer token; expired tokens are forgotten. */
    Optional<SalesforceSession> validate(String accessToken) {
        SalesforceSession session = sessions.get(accessToken);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.issuedAt().plus(lifetime.get()).isAfter(clock.instant())) {
            sessions.remove(accessToken);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Revokes an access token, or the refresh token (which also ends its sessions). */
    boolean revoke(String token, String refreshToken) {
        if (token.equals(refreshToken)) {
            refreshTokenRevoked.set(true);
            sessions.clear();
            return true;
        }
        return sessions.remove(token) != null;
    }

    boolean refreshTokenRevoked() {
        return refreshTokenRevoked.get();
    }

    /** Ends every session at once, as an admin "revoke all" or a password reset would. */
    void expireAll() {
        sessions.clear();
    }
}
