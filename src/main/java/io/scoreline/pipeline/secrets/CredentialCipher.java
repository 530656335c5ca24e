package io.scoreline.pipeline.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;

/**
 * Encrypts credentials before they reach the database (Jasypt, PBKDF2 with HMAC-SHA512 and
 * AES-256, random salt and IV per value, so equal secrets give different ciphertexts).
 */
public final class CredentialCipher {

    private static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StandardPBEStringEncryptor encryptor;
    private final MasterKeyFingerprint fingerprint;

    public CredentialCipher(MasterKey key) {
        encryptor = encryptor(key.value());
        encryptor.initialize();
        fingerprint = MasterKeyFingerprint.of(key);
    }

    /** Which key this cipher uses, to compare with the one the database records. */
    public MasterKeyFingerprint fingerprint() {
        return fingerprint;
    }

    /** Jasypt as this cipher uses it, for a password. */
    static StandardPBEStringEncryptor encryptor(String password) {
        var encryptor = new StandardPBEStringEncryptor();
        encryptor.setAlgorithm(ALGORITHM);
        encryptor.setPassword(password);
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setSaltGenerator(new RandomSaltGenerator());
        return encryptor;
    }

    public String encrypt(CrmCredentials credentials) {
        return encryptor.encrypt(toJson(credentials));
    }

    /**
     * A secret that is not a login but must be read back, such as an OAuth attempt's PKCE verifier
     * (ADR 0051); same algorithm and key as credentials.
     */
    public String encryptSecret(String secret) {
        return encryptor.encrypt(secret);
    }

    public String decryptSecret(String ciphertext) {
        try {
            return encryptor.decrypt(ciphertext);
        } catch (EncryptionOperationNotPossibleException e) {
            throw masterKeyDiffers();
        }
    }

    public CrmCredentials decrypt(String ciphertext) {
        String json;
        try {
            json = encryptor.decrypt(ciphertext);
        } catch (EncryptionOperationNotPossibleException e) {
            throw masterKeyDiffers();
        }
        return fromJson(json);
    }

    private static String toJson(CrmCredentials credentials) {
        var node = JSON.createObjectNode();
        switch (credentials) {
            case CrmCredentials.RefreshToken c ->
                node.put("kind", "refresh_token")
                        .put("client_id", c.clientId())
                        .put("client_secret", c.clientSecret())
                        .put("refresh_token", c.refreshToken());
            case CrmCredentials.ClientCredentials c ->
                node.put("kind", "client_credentials")
                        .put("client_id", c.clientId())
                        .put("client_secret", c.clientSecret());
            case CrmCredentials.JwtBearer c ->
                node.put("kind", "jwt_bearer")
                        .put("client_id", c.clientId())
                        .put("username", c.username())
                        .put("private_key_pem", c.privateKeyPem());
            case CrmCredentials.PrivateAppToken c ->
                node.put("kind", "private_app_token").put("token", c.token());
        }
        return node.toString();
    }

    private static CrmCredentials fromJson(String json) {
        try {
            var node = (ObjectNode) JSON.readTree(json);
            return switch (node.path("kind").asText()) {
                case "refresh_token" ->
                    new CrmCredentials.RefreshToken(
                            text(node, "client_id"), text(node, "client_secret"), text(node, "refresh_token"));
                case "client_credentials" ->
                    new CrmCredentials.ClientCredentials(text(node, "client_id"), text(node, "client_secret"));
                case "jwt_bearer" ->
                    new CrmCredentials.JwtBearer(
                            text(node, "client_id"), text(node, "username"), text(node, "private_key_pem"));
                case "private_app_token" -> new CrmCredentials.PrivateAppToken(text(node, "token"));
                default -> throw new ScorelineException(FailureKind.BUG, "stored credentials have an unknown kind");
            };
        } catch (JsonProcessingException | ClassCastException e) {
            // AES-CBC under another key still ends in valid padding about once in 256 tries: the
            // decryption "succeeds" with noise. Scoreline only ever stores JSON it wrote itself.
            throw masterKeyDiffers();
        }
    }

    private static ScorelineException masterKeyDiffers() {
        return new ScorelineException(
                FailureKind.AUTH,
                "cannot decrypt stored credentials: the master key differs from the one they were saved with");
    }

    private static String text(ObjectNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
