package io.scoreline.app.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The opaque id a browser holds: 32 random bytes, base64url. Only {@link #hash()} is stored, so a
 * copy of the table opens no session. A plain SHA-256 is enough for 256 random bits.
 */
public final class SessionId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;
    private static final int TEXT_LENGTH = 43;

    private final String text;

    private SessionId(String text) {
        this.text = text;
    }

    public static SessionId random() {
        return new SessionId(randomToken());
    }

    /** A cookie's value, if it has the shape of an id; anything else is no session. */
    public static Optional<SessionId> parse(String value) {
        if (value.length() != TEXT_LENGTH || !value.chars().allMatch(SessionId::base64url)) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(value));
    }

    /** 256 random bits as unpadded base64url: session ids and CSRF tokens. */
    public static String randomToken() {
        var bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie value. Never logged or rendered. */
    public String text() {
        return text;
    }

    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SessionId[***]";
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
