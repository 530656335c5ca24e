package io.scoreline.pipeline.secrets;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;

/**
 * Re-encrypts every stored credential of every organization under a new master key, and records
 * the new key's fingerprint, in one transaction: it commits whole or leaves everything under the
 * old key. Runs as the owner role, which row-level security does not restrict, because one
 * transaction has to see every tenant's integrations (ADR 0022).
 */
public final class MasterKeyRotation {

    private final DatabaseEndpoint owner;

    public MasterKeyRotation(DatabaseEndpoint owner) {
        this.owner = owner;
    }

    /** What a committed rotation did. */
    /**
     * @param apiKeysInvalidated live API keys (not revoked, not expired) whose keyed hashes the new key no
     *     longer matches: they answer 401 from now on and must be issued again (ADR 0036)
     */
    public record Rotated(
            int credentials,
            int organizations,
            int apiKeysInvalidated,
            MasterKeyFingerprint from,
            MasterKeyFingerprint to) {}

    public Rotated rotate(CredentialCipher current, CredentialCipher next) {
        if (current.fingerprint().equals(next.fingerprint())) {
            throw ScorelineException.badInput("the new master key is the current one: nothing to rotate");
        }
        try (var connection = connect()) {
            connection.setAutoCommit(false);
            try {
                var rotated = rotateIn(connection, current, next);
                connection.commit();
                return rotated;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "master key rotation failed, nothing changed: " + firstLine(e.getMessage()),
                    e);
        }
    }

    private static Rotated rotateIn(Connection connection, CredentialCipher current, CredentialCipher next)
            throws SQLException {
        try (var statement = connection.createStatement()) {
            // Writers record or check the fingerprint FOR SHARE first (V16): they wait for this
            // transaction and then see the new fingerprint, so none stores a ciphertext under the
            // old key once the rotation has read the rows it re-encrypts.
            statement.execute("lock table master_key_fingerprint in exclusive mode");
            statement.execute("lock table integrations in share row exclusive mode");
        }
        Optional<MasterKeyFingerprint> stored;
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select fingerprint from master_key_fingerprint")) {
            stored = result.next() ? Optional.of(new MasterKeyFingerprint(result.getString(1))) : Optional.empty();
        }
        StoredKeyFingerprint.require(stored, current.fingerprint());
        int credentials = 0;
        var organizations = new HashSet<Long>();
        try (var select = connection.prepareStatement(
                        "select id, organization_id, credentials from integrations order by id");
                var update = connection.prepareStatement(
                        "update integrations set credentials = ?, updated_at = now() where id = ?");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                var plain = decrypt(current, rows.getString(3), id);
                update.setString(1, next.encrypt(plain));
                update.setLong(2, id);
                update.executeUpdate();
                credentials++;
                organizations.add(rows.getLong(2));
            }
        }
        try (var upsert = connection.prepareStatement("insert into master_key_fingerprint (fingerprint) values (?) "
                + "on conflict (singleton) do update set fingerprint = excluded.fingerprint, recorded_at = now()")) {
            upsert.setString(1, next.fingerprint().hex());
            upsert.executeUpdate();
        }
        int apiKeys;
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from api_keys where revoked_at is null"
                        + " and (expires_at is null or expires_at > now())")) {
            result.next();
            apiKeys = result.getInt(1);
        }
        return new Rotated(credentials, organizations.size(), apiKeys, current.fingerprint(), next.fingerprint());
    }

    private static CrmCredentials decrypt(CredentialCipher current, String ciphertext, long integrationId) {
        try {
            return current.decrypt(ciphertext);
        } catch (ScorelineException e) {
            throw new ScorelineException(
                    e.kind(), "integration " + integrationId + ": " + e.getMessage() + "; nothing was re-encrypted", e);
        }
    }

    private Connection connect() throws SQLException {
        var properties = new Properties();
        if (owner.user() != null) {
            properties.setProperty("user", owner.user());
        }
        if (owner.password() != null) {
            properties.setProperty("password", owner.password());
        }
        return DriverManager.getConnection(owner.jdbcUrl(), properties);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
