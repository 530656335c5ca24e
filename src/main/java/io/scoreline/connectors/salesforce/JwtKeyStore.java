package io.scoreline.connectors.salesforce;

import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.camel.support.jsse.KeyStoreParameters;

/**
 * Turns the PEM private key of a JWT bearer login into what the Camel component wants: a keystore
 * with exactly one key entry. A PKCS#12 key entry needs a certificate, and Camel only signs with
 * the key, so the certificate is a throw-away self-signed one made in memory; Salesforce checks the
 * assertion against the certificate uploaded to the connected app, not this one. The keystore and
 * its random password never leave the process.
 */
final class JwtKeyStore {

    private static final String ALIAS = "salesforce-jwt";
    private static final DateTimeFormatter GENERALIZED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private JwtKeyStore() {}

    static KeyStoreParameters of(String privateKeyPem, Instant now) {
        var key = privateKey(privateKeyPem);
        try {
            var password = HexFormat.of().formatHex(randomBytes());
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), new Certificate[] {selfSigned(key, now)});
            var parameters = new KeyStoreParameters();
            parameters.setKeyStore(store);
            parameters.setPassword(password);
            parameters.setResource("in-memory JWT key");
            return parameters;
        } catch (GeneralSecurityException | IOException e) {
            throw ScorelineException.badInput("cannot build the JWT keystore from the private key: " + e.getMessage());
        }
    }

    /** An RSA private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
    static RSAPrivateCrtKey privateKey(String pem) {
        var text = pem == null ? "" : pem.strip();
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        if (text.contains("ENCRYPTED")) {
            throw ScorelineException.badInput("the JWT private key is encrypted; give it unencrypted "
                    + "(openssl pkey -in key.pem -out plain.pem) and protect the file instead");
        }
        if (!pkcs1 && !text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw ScorelineException.badInput("the JWT private key is not a PEM RSA private key "
                    + "(expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
        }
        try {
            var body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var der = Base64.getDecoder().decode(body);
            if (pkcs1) {
                der = Der.sequence(
                        Der.integer(BigInteger.ZERO),
                        Der.sequence(Der.oid(1, 2, 840, 113549, 1, 1, 1), Der.nullValue()),
                        Der.octetString(der));
            }
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey rsa) {
                return rsa;
            }
            throw ScorelineException.badInput("the JWT private key lacks its public exponent (not a full RSA key)");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw ScorelineException.badInput("the JWT private key is not a readable RSA key: " + e.getMessage());
        }
    }

    private static Certificate selfSigned(RSAPrivateCrtKey key, Instant now) throws GeneralSecurityException {
        var publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        var sha256WithRsa = Der.sequence(Der.oid(1, 2, 840, 113549, 1, 1, 11), Der.nullValue());
        var name =
                Der.sequence(Der.set(Der.sequence(Der.oid(2, 5, 4, 3), Der.utf8String("scoreline JWT signing key"))));
        var tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(BigInteger.valueOf(now.getEpochSecond())),
                sha256WithRsa,
                name,
                Der.sequence(
                        Der.generalizedTime(GENERALIZED.format(now.minus(1, ChronoUnit.DAYS))),
                        Der.generalizedTime(GENERALIZED.format(now.plus(3650, ChronoUnit.DAYS)))),
                name,
                publicKey.getEncoded());
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(tbs);
        var certificate = Der.sequence(tbs, sha256WithRsa, Der.bitString(signer.sign()));
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate));
    }

    private static byte[] randomBytes() {
        var bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
