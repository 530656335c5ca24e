package io.scoreline.sim.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes an authorize page issued, each bound to the client, the redirect URI and (Salesforce) the
 * PKCE challenge it was asked with. A code is redeemed at most once: it is removed by the first
 * attempt, as a real CRM invalidates a code that was presented, right or wrong.
 */
public final class AuthorizationCodes {

    /** What the authorize request bound the code to. */
    public record Grant(String clientId, String redirectUri, Optional<String> codeChallenge, Instant expiresAt) {}

    /** The outcome of presenting a code at the token endpoint. */
    public sealed interface Redeemed {
        record Granted() implements Redeemed {}

        record Unknown() implements Redeemed {}

        record Expired() implements Redeemed {}

        record RedirectMismatch() implements Redeemed {}

        record ClientMismatch() implements Redeemed {}

        record VerifierMismatch() implements Redeemed {}
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    public AuthorizationCodes(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(String clientId, String redirectUri, Optional<String> codeChallenge) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(
                code,
                new Grant(clientId, redirectUri, codeChallenge, clock.instant().plus(lifetime)));
        return code;
    }

    public Redeemed redeem(String code, String clientId, String redirectUri, Optional<String> codeVerifier) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null) {
            return new Redeemed.Unknown();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return new Redeemed.Expired();
        }
        if (!grant.clientId().equals(clientId)) {
            return new Redeemed.ClientMismatch();
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return new Redeemed.RedirectMismatch();
        }
        if (grant.codeChallenge().isPresent()
                && !codeVerifier.map(AuthorizationCodes::s256).equals(grant.codeChallenge())) {
            return new Redeemed.VerifierMismatch();
        }
        return new Redeemed.Granted();
    }

    /** RFC 7636 S256: base64url without padding of the SHA-256 of the verifier's ASCII. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
