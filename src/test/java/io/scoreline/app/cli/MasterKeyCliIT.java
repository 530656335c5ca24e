package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.NewMasterKey;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyFingerprint;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The master key through the real command line (ADR 0022): a wrong key is refused before anything
 * is stored, and {@code master-key rotate} moves every credential to a new key or none.
 */
class MasterKeyCliIT {

    private static final String WRONG_KEY = "not-the-master-key-0123456789";
    private static final String NEW_KEY = "the-next-master-key-9876543210";

    @Test
    void wrongMasterKeyIsRefusedBeforeAnythingIsStored() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = TestEnvironment.forDatabase(owner);
        createOrg(env, "keyed");
        assertThat(addHubSpot(env, "keyed", "pat-right").exitCode()).isZero();
        int before = count(owner, "select count(*) from integrations");

        var refused = addHubSpot(withMasterKey(env, WRONG_KEY), "keyed", "pat-wrong");

        assertThat(refused.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.err())
                .contains("fingerprint " + shortFingerprint(WRONG_KEY))
                .contains("fingerprint " + shortFingerprint(TestEnvironment.MASTER_KEY))
                .doesNotContain(WRONG_KEY)
                .doesNotContain(TestEnvironment.MASTER_KEY);
        assertThat(count(owner, "select count(*) from integrations")).isEqualTo(before);
        assertThat(storedFingerprint(owner))
                .contains(MasterKeyFingerprint.of(new MasterKey(TestEnvironment.MASTER_KEY))
                        .hex());
        assertThat(addHubSpot(env, "keyed", "pat-again").exitCode()).isZero();
    }

    @Test
    void aDatabaseWithCredentialsButNoFingerprintTakesTheKeyThatDecryptsThem() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = TestEnvironment.forDatabase(owner);
        createOrg(env, "older");
        assertThat(addHubSpot(env, "older", "pat-older").exitCode()).isZero();
        // As a database migrated to V16 after its credentials were stored.
        execute(owner, "delete from master_key_fingerprint");
        int before = count(owner, "select count(*) from integrations");

        var refused = addHubSpot(withMasterKey(env, WRONG_KEY), "older", "pat-wrong");

        assertThat(refused.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(refused.err()).contains("master key differs");
        assertThat(count(owner, "select count(*) from integrations")).isEqualTo(before);
        assertThat(storedFingerprint(owner)).isEmpty();

        assertThat(addHubSpot(env, "older", "pat-right").exitCode()).isZero();
        assertThat(storedFingerprint(owner))
                .contains(MasterKeyFingerprint.of(new MasterKey(TestEnvironment.MASTER_KEY))
                        .hex());
    }

    @Test
    void rotationMovesEveryOrganizationToTheNewKeyAndRefusesTheOld() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = TestEnvironment.forDatabase(owner);
        var tokens = new LinkedHashMap<String, String>();
        for (var slug : new String[] {"north", "south"}) {
            createOrg(env, slug);
            tokens.put(slug, "pat-" + slug + "-token");
            assertThat(addHubSpot(env, slug, tokens.get(slug)).exitCode()).isZero();
        }
        var newKeyFile = privateFile(NEW_KEY);
        var liveKey = CliRun.run(env, "apikey", "create", "--org", "north", "--name", "app", "--scopes", "read");
        assertThat(liveKey.exitCode()).as(liveKey.err()).isZero();

        var rotated = CliRun.run(env, "master-key", "rotate", "--new-key-file", newKeyFile.toString());

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.out())
                .contains("Re-encrypted 2 credential(s) of 2 organization(s)")
                .contains("1 API key(s) stop working with the old master key")
                .contains(shortFingerprint(NEW_KEY))
                .contains(ScorelineConfig.MASTER_KEY)
                .doesNotContain(NEW_KEY);
        assertThat(storedFingerprint(owner))
                .contains(MasterKeyFingerprint.of(new MasterKey(NEW_KEY)).hex());
        try (var runtime = DatabaseRuntime.open(TestPostgres.settingsFor(owner))) {
            var transactions = new TenantTransactions(runtime.dsl());
            var underNew = store(transactions, NEW_KEY);
            var underOld = store(transactions, TestEnvironment.MASTER_KEY);
            for (var integration : integrations(owner).entrySet()) {
                assertThat(underNew.credentials(integration.getValue(), integration.getKey()))
                        .isIn(tokens.values().stream()
                                .map(CrmCredentials.PrivateAppToken::new)
                                .toList());
                assertThatThrownBy(() -> underOld.credentials(integration.getValue(), integration.getKey()))
                        .isInstanceOfSatisfying(
                                ScorelineException.class,
                                e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH))
                        .hasMessageContaining("fingerprint " + shortFingerprint(TestEnvironment.MASTER_KEY));
            }
        }
        var oldKeyAdd = addHubSpot(env, "north", "pat-after");
        assertThat(oldKeyAdd.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(oldKeyAdd.err()).contains("fingerprint " + shortFingerprint(NEW_KEY));
        assertThat(addHubSpot(withMasterKey(env, NEW_KEY), "north", "pat-after").exitCode())
                .isZero();
    }

    @Test
    void aFailureInTheMiddleLeavesEverythingUnderTheOldKey() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = TestEnvironment.forDatabase(owner);
        createOrg(env, "east");
        createOrg(env, "west");
        assertThat(addHubSpot(env, "east", "pat-east-1").exitCode()).isZero();
        assertThat(addHubSpot(env, "west", "pat-west-1").exitCode()).isZero();
        assertThat(addHubSpot(env, "west", "pat-west-2").exitCode()).isZero();
        // The last integration holds a ciphertext no key but a lost one opens: rotation reaches it
        // after re-encrypting the others in its transaction.
        long last = count(owner, "select max(id) from integrations");
        var foreign = new CredentialCipher(new MasterKey("a-lost-master-key-0123456789"))
                .encrypt(new CrmCredentials.PrivateAppToken("x"));
        execute(owner, "update integrations set credentials = '" + foreign + "' where id = " + last);
        var ciphertexts = ciphertexts(owner);

        var failed = CliRun.run(withNewKeyInEnvironment(env), "master-key", "rotate");

        assertThat(failed.exitCode()).isEqualTo(CliErrorHandler.FAILURE);
        assertThat(failed.err().lines()).hasSize(1);
        assertThat(failed.err()).contains("integration " + last).contains("nothing was re-encrypted");
        assertThat(ciphertexts(owner)).isEqualTo(ciphertexts);
        assertThat(storedFingerprint(owner))
                .contains(MasterKeyFingerprint.of(new MasterKey(TestEnvironment.MASTER_KEY))
                        .hex());
        try (var runtime = DatabaseRuntime.open(TestPostgres.settingsFor(owner))) {
            var underOld = store(new TenantTransactions(runtime.dsl()), TestEnvironment.MASTER_KEY);
            var west = integrations(owner).entrySet().stream()
                    .filter(e -> e.getKey() != last)
                    .toList();
            assertThat(west).hasSize(2);
            for (var integration : west) {
                assertThat(underOld.credentials(integration.getValue(), integration.getKey())
                                .toString())
                        .contains("PrivateAppToken");
            }
        }
    }

    @Test
    void rotationReplacesTheKeyFileWhenThatIsTheSource() throws Exception {
        var owner = TestPostgres.freshDatabase();
        var env = new HashMap<>(TestEnvironment.forDatabase(owner));
        env.remove(ScorelineConfig.MASTER_KEY);
        var keyFile = Path.of(env.get(ScorelineConfig.HOME)).resolve(MasterKeySource.KEY_FILE);
        Files.writeString(keyFile, TestEnvironment.MASTER_KEY + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        createOrg(env, "filed");
        assertThat(addHubSpot(env, "filed", "pat-filed").exitCode()).isZero();

        var rotated = CliRun.run(withNewKeyInEnvironment(env), "master-key", "rotate", "--json");

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("\"key_file_replaced\":true").contains("\"credentials\":1");
        assertThat(Files.readString(keyFile).strip()).isEqualTo(NEW_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(keyFile.resolveSibling(MasterKeySource.KEY_FILE + ".new")).doesNotExist();
        assertThat(addHubSpot(env, "filed", "pat-next").exitCode()).isZero();
    }

    @Test
    void theNewKeyMustComeFromAPrivateFileOrTheEnvironment() throws Exception {
        var env = TestEnvironment.forDatabase(TestPostgres.freshDatabase());
        var missing = CliRun.run(env, "master-key", "rotate");
        assertThat(missing.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(missing.err()).contains("--new-key-file").contains(NewMasterKey.ENVIRONMENT);

        var shared = privateFile(NEW_KEY);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        var readable = CliRun.run(env, "master-key", "rotate", "--new-key-file", shared.toString());
        assertThat(readable.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(readable.err()).contains("readable by others");

        var same = CliRun.run(
                env,
                "master-key",
                "rotate",
                "--new-key-file",
                privateFile(TestEnvironment.MASTER_KEY).toString());
        assertThat(same.exitCode()).isEqualTo(CliErrorHandler.USAGE);
        assertThat(same.err()).contains("the new master key is the current one");
    }

    private static CliRun createOrg(Map<String, String> env, String slug) {
        var run = CliRun.run(env, "org", "create", "--slug", slug, "--name", slug, "--timezone", "UTC");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static CliRun addHubSpot(Map<String, String> env, String slug, String token) {
        return CliRun.run(
                env, "integration", "add", "--org", slug, "--provider", "hubspot", "--private-app-token", token);
    }

    private static Map<String, String> withMasterKey(Map<String, String> env, String key) {
        var changed = new HashMap<>(env);
        changed.put(ScorelineConfig.MASTER_KEY, key);
        return changed;
    }

    private static Map<String, String> withNewKeyInEnvironment(Map<String, String> env) {
        var changed = new HashMap<>(env);
        changed.put(NewMasterKey.ENVIRONMENT, NEW_KEY);
        return changed;
    }

    private static IntegrationStore store(TenantTransactions transactions, String key) {
        var cipher = new CredentialCipher(new MasterKey(key));
        return new IntegrationStore(transactions, () -> cipher);
    }

    private static String shortFingerprint(String key) {
        return MasterKeyFingerprint.of(new MasterKey(key)).shortForm();
    }

    private static Path privateFile(String content) throws Exception {
        var file = Files.createTempFile(TestPostgres.testHome().getParent(), "key", ".txt");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, content + "\n");
        return file;
    }

    /** Integration id to organization id, read as the owner (all tenants). */
    private static Map<Long, Long> integrations(DatabaseEndpoint owner) throws SQLException {
        var result = new LinkedHashMap<Long, Long>();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var rows = connection
                        .createStatement()
                        .executeQuery("select id, organization_id from integrations order by id")) {
            while (rows.next()) {
                result.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return result;
    }

    private static Map<Long, String> ciphertexts(DatabaseEndpoint owner) throws SQLException {
        var result = new LinkedHashMap<Long, String>();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var rows = connection
                        .createStatement()
                        .executeQuery("select id, credentials from integrations order by id")) {
            while (rows.next()) {
                result.put(rows.getLong(1), rows.getString(2));
            }
        }
        return result;
    }

    private static Optional<String> storedFingerprint(DatabaseEndpoint owner) throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var rows =
                        connection.createStatement().executeQuery("select fingerprint from master_key_fingerprint")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static int count(DatabaseEndpoint owner, String query) throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(DatabaseEndpoint owner, String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
            connection.createStatement().execute(statement);
        }
    }
}
