package io.scoreline.sim.salesforce;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA key pair of the simulated connected app's JWT certificate: the simulator verifies
 * assertions with the public half and hands out the private half (as PEM) so that a client can
 * sign them. Derived from the seed, so a restarted simulator with the same seed accepts the key
 * an integration stored earlier; generated once per seed and process (RSA generation is slow).
 */
public final class JwtSigningKeys {

    private static final Map<Long, KeyPair> BY_SEED = new ConcurrentHashMap<>();

    private JwtSigningKeys() {}

    public static KeyPair forSeed(long seed) {
        return BY_SEED.computeIfAbsent(seed, JwtSigningKeys::generate);
    }

    /** PKCS#8 PEM, as {@code openssl genpkey} writes it. */
    public static String privateKeyPem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair generate(long seed) {
        try {
            // SHA1PRNG seeded before its first use is deterministic, which is what a seeded simulator wants
            // (and all it wants: this key protects nothing).
            var random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES + 8)
                    .putLong(seed)
                    .put("jwt-keys".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .array());
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA and SHA1PRNG are part of every JDK", e);
        }
    }
}
