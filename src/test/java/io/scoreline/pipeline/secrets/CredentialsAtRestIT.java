package io.scoreline.pipeline.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No plaintext secret reaches the database or the log. */
class CredentialsAtRestIT {

    private static final String CLIENT_SECRET = "cs-7f3a9-plaintext-client-secret";
    private static final String REFRESH_TOKEN = "5Aep861-plaintext-refresh-token";

    @Test
    void secretsAreEncryptedInTheDatabaseAndAbsentFromTheLog() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = TestEnvironment.forDatabase(owner);
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var captured = new ListAppender<ILoggingEvent>();
        captured.start();
        root.addAppender(captured);
        var previousLevel = root.getLevel();
        // Everything at DEBUG is captured, but kept off the console: the build log stays readable.
        var console = root.getAppender("STDERR");
        root.detachAppender(console);
        root.setLevel(Level.DEBUG);
        try {
            CliRun.run(env, "org", "create", "--slug", "secretive", "--name", "S", "--timezone", "UTC");
            var run = CliRun.run(
                    env,
                    "integration",
                    "add",
                    "--org",
                    "secretive",
                    "--provider",
                    "salesforce",
                    "--verbose",
                    "--client-id",
                    "3MVG9-client",
                    "--client-secret",
                    CLIENT_SECRET,
                    "--refresh-token",
                    REFRESH_TOKEN);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out() + run.err()).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN);
        } finally {
            root.detachAppender(captured);
            root.addAppender(console);
            root.setLevel(previousLevel);
        }
        assertThat(captured.list).isNotEmpty();
        for (var event : captured.list) {
            assertThat(event.getFormattedMessage())
                    .doesNotContain(CLIENT_SECRET)
                    .doesNotContain(REFRESH_TOKEN);
        }

        var everything = allRowsAsText(owner.jdbcUrl(), owner.user(), owner.password());
        assertThat(everything).isNotEmpty();
        assertThat(everything).anySatisfy(row -> assertThat(row).contains("salesforce"));
        assertThat(String.join("\n", everything)).doesNotContain(CLIENT_SECRET).doesNotContain(REFRESH_TOKEN);
    }

    @Test
    void cipherRoundTripsWithRandomSaltAndRejectsAnotherKey() {
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var credentials = new CrmCredentials.RefreshToken("client", CLIENT_SECRET, REFRESH_TOKEN);
        var first = cipher.encrypt(credentials);
        var second = cipher.encrypt(credentials);
        assertThat(first).isNotEqualTo(second).doesNotContain(CLIENT_SECRET);
        assertThat(cipher.decrypt(first)).isEqualTo(credentials);

        var otherKey = new CredentialCipher(new MasterKey("another-master-key-0123456789"));
        assertThatThrownBy(() -> otherKey.decrypt(first))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH))
                .hasMessageContaining("master key differs");
    }

    @Test
    void anotherKeyIsReportedAsSuchEvenWhenItsDecryptionHappensToSucceed() {
        var otherPassword = "another-master-key-0123456789";
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var credentials = new CrmCredentials.RefreshToken("client", CLIENT_SECRET, REFRESH_TOKEN);
        // AES-CBC under a wrong key ends in valid padding about once in 256 ciphertexts, and then
        // decrypts to noise instead of failing. Jasypt itself, with the other key, finds one.
        var raw = CredentialCipher.encryptor(otherPassword);
        String decryptsToNoise = null;
        for (int i = 0; i < 5_000 && decryptsToNoise == null; i++) {
            var ciphertext = cipher.encrypt(credentials);
            try {
                raw.decrypt(ciphertext);
                decryptsToNoise = ciphertext;
            } catch (EncryptionOperationNotPossibleException e) {
                // The usual case: the padding check fails.
            }
        }
        assertThat(decryptsToNoise)
                .as("a ciphertext the other key decrypts without an error")
                .isNotNull();

        var noisy = decryptsToNoise;
        assertThatThrownBy(() -> new CredentialCipher(new MasterKey(otherPassword)).decrypt(noisy))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH))
                .hasMessageContaining("master key differs");
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertThat(new CrmCredentials.RefreshToken("id", CLIENT_SECRET, REFRESH_TOKEN).toString())
                .doesNotContain(CLIENT_SECRET)
                .doesNotContain(REFRESH_TOKEN);
        assertThat(new MasterKey(TestEnvironment.MASTER_KEY).toString()).doesNotContain(TestEnvironment.MASTER_KEY);
    }

    /** Every row of every table, as PostgreSQL renders it, read as the owner (no RLS filtering). */
    private static List<String> allRowsAsText(String url, String user, String password) throws Exception {
        var rows = new ArrayList<String>();
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (var table : tables) {
                try (var rs = statement.executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
