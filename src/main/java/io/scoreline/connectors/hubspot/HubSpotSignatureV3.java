package io.scoreline.connectors.hubspot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature: base64 HMAC-SHA256, keyed with the app's client secret, over
 * method + URI + the raw body bytes + the timestamp header. The body is hashed as received:
 * re-encoding it (or parsing and re-serializing the JSON) would break non-ASCII payloads.
 */
final class HubSpotSignatureV3 {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private HubSpotSignatureV3() {}

    static String sign(String clientSecret, String method, String uri, byte[] body, String timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var source = new ByteArrayOutputStream(body.length + uri.length() + 32);
            source.writeBytes((method + uri).getBytes(StandardCharsets.UTF_8));
            source.writeBytes(body);
            source.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(source.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of the expected and the given signature. */
    static boolean matches(
            String clientSecret, String method, String uri, byte[] body, String timestamp, String signature) {
        var expected = sign(clientSecret, method, uri, body, timestamp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether the timestamp (epoch milliseconds) is within five minutes of now. Future ones beyond
     * that are refused too: a captured request must not stay replayable.
     */
    static boolean fresh(String timestamp, Instant now) {
        try {
            var at = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
            return Duration.between(at, now).abs().compareTo(MAX_AGE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
