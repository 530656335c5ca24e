package io.scoreline.pipeline.access;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyHolder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a whole key under a hashing key derived from the master key (ADR 0036): a
 * database dump alone cannot confirm a guessed key, and the master key itself is never the MAC
 * key of anything stored. One SHA-256-strength MAC is enough for 256 random bits; a slow KDF would
 * only add latency to every request.
 */
@Singleton
public final class ApiKeyHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String LABEL = "scoreline api key hash v1";

    private final MasterKeyHolder masterKey;
    private volatile SecretKeySpec hashingKey;

    @Inject
    public ApiKeyHasher(MasterKeyHolder masterKey) {
        this.masterKey = masterKey;
    }

    /** 64 lower-case hex digits. */
    String hash(ApiKeyText key) {
        return HexFormat.of().formatHex(mac(key.text()));
    }

    /** Compares in time independent of where the two differ: a timing probe learns nothing. */
    boolean matches(ApiKeyText key, String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(key.text()), stored);
    }

    private byte[] mac(String text) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(hashingKey());
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new ScorelineException(FailureKind.BUG, "HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    private SecretKeySpec hashingKey() throws GeneralSecurityException {
        var key = hashingKey;
        if (key == null) {
            key = derive(masterKey.current());
            hashingKey = key;
        }
        return key;
    }

    /** HMAC(master key, label): a key of its own, so that no stored value is a MAC under the master key. */
    static SecretKeySpec derive(MasterKey master) throws GeneralSecurityException {
        var mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(master.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
        return new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII)), ALGORITHM);
    }
}
