package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.sim.salesforce.JwtSigningKeys;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class JwtKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void pkcs8KeyBecomesAOneEntryKeystoreThatSignsLikeTheKey() throws Exception {
        var keys = JwtSigningKeys.forSeed(3);
        var parameters = JwtKeyStore.of(JwtSigningKeys.privateKeyPem(keys), NOW);
        KeyStore store = parameters.createKeyStore();
        var aliases = Collections.list(store.aliases());
        assertThat(aliases).hasSize(1);
        assertThat(store.isKeyEntry(aliases.getFirst())).isTrue();
        var certificate = (X509Certificate) store.getCertificate(aliases.getFirst());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        certificate.verify(keys.getPublic());
        certificate.checkValidity(java.util.Date.from(NOW));

        var key = (PrivateKey)
                store.getKey(aliases.getFirst(), parameters.getPassword().toCharArray());
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update("header.claims".getBytes());
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update("header.claims".getBytes());
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void pkcs1KeyIsReadToo() {
        var keys = JwtSigningKeys.forSeed(3);
        var pkcs8 = keys.getPrivate().getEncoded();
        // PKCS#8 wraps the PKCS#1 key after a fixed 26-byte header for a 2048-bit RSA key.
        var pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        var pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        assertThat(JwtKeyStore.privateKey(pem).getModulus())
                .isEqualTo(((java.security.interfaces.RSAPrivateCrtKey) keys.getPrivate()).getModulus());
    }

    @Test
    void unusableKeysAreBadInputThatSaysWhy() {
        assertThatThrownBy(() -> JwtKeyStore.of("not a key", NOW))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageContaining("not a PEM RSA private key");
        assertThatThrownBy(() -> JwtKeyStore.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", NOW))
                .hasMessageContaining("not a readable RSA key");
        assertThatThrownBy(() -> JwtKeyStore.of(
                        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----", NOW))
                .hasMessageContaining("is encrypted");
    }
}
