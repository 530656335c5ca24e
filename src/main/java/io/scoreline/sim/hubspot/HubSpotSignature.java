package io.scoreline.sim.hubspot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HubSpot's request signatures: v1 and v2 are SHA-256 hex digests, v3 is a base64 HMAC-SHA256. */
public final class HubSpotSignature {

    private HubSpotSignature() {}

    /** {@code sha256hex(clientSecret + body)}, sent by webhooks as {@code X-HubSpot-Signature}. */
    public static String v1(String clientSecret, String body) {
        return sha256Hex(clientSecret + body);
    }

    /** {@code sha256hex(clientSecret + method + uri + body)}. */
    public static String v2(String clientSecret, String method, String uri, String body) {
        return sha256Hex(clientSecret + method + uri + body);
    }

    /** {@code base64(hmacSha256(clientSecret, method + uri + body + timestamp))}. */
    public static String v3(String clientSecret, String method, String uri, String body, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((method + uri + body + timestampMillis).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
