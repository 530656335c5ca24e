package io.scoreline.pipeline.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret in a Salesforce integration's outbound-message URL (ADR 0020): 256 random bits,
 * URL-safe Base64 without padding (43 characters). Only its SHA-256 is stored; a plain hash is
 * enough for a value this random, since no guess list can reach it. Its text never appears in
 * {@link #toString()}, so it cannot end up in a log line by accident.
 */
public final class EndpointSecret {

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Compared with when the integration has no hash, so that a missing secret costs the same as a wrong one.
    private static final byte[] NO_HASH = new byte[32];

    private final String text;

    private EndpointSecret(String text) {
        this.text = text;
    }

    public static EndpointSecret generate() {
        var bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new EndpointSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret itself: shown once to the operator, never stored. */
    public String text() {
        return text;
    }

    /** What is stored: SHA-256 of the text. */
    public byte[] hash() {
        return hash(text);
    }

    /**
     * Whether a presented secret is the one whose hash is stored, compared in constant time; false
     * when nothing is stored (an integration from before endpoint secrets).
     */
    public static boolean matches(String presented, Optional<byte[]> storedHash) {
        boolean same = MessageDigest.isEqual(hash(presented), storedHash.orElse(NO_HASH));
        return same && storedHash.isPresent();
    }

    static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "EndpointSecret[hidden]";
    }
}
