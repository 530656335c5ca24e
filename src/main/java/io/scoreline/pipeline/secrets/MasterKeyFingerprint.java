package io.scoreline.pipeline.secrets;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a master key without revealing it: HMAC-SHA256 of a fixed label under the key. Stored in
 * the database so that a command run with another key is refused before it encrypts or decrypts
 * anything (ADR 0022).
 *
 * @param hex 64 lower-case hex digits
 */
public record MasterKeyFingerprint(String hex) {

    private static final String LABEL = "scoreline master key fingerprint v1";
    private static final int SHOWN = 8;

    public MasterKeyFingerprint {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new ScorelineException(FailureKind.BUG, "a master key fingerprint is 64 hex digits");
        }
    }

    public static MasterKeyFingerprint of(MasterKey key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new MasterKeyFingerprint(
                    HexFormat.of().formatHex(mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new ScorelineException(FailureKind.BUG, "HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** The first hex digits: enough for an operator to tell two keys apart, useless for guessing one. */
    public String shortForm() {
        return hex.substring(0, SHOWN);
    }

    @Override
    public String toString() {
        return shortForm();
    }
}
