package io.scoreline.pipeline.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stored fingerprint, under concurrency: a writer never slips a credential past a rotation. */
class MasterKeyFingerprintIT {

    private static DatabaseRuntime database;
    private static TestTenant tenant;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "rotating", CrmProvider.HUBSPOT);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aWriterWaitsForARotationInProgressAndIsThenRefused() throws Exception {
        var oldCipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var newCipher = new CredentialCipher(new MasterKey("the-next-master-key-9876543210"));
        var store = new IntegrationStore(tenant.transactions(), () -> oldCipher);
        var owner = database.ownerEndpoint();
        try (var rotation = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            // What MasterKeyRotation does first, held open: the table lock, then the new fingerprint.
            rotation.setAutoCommit(false);
            rotation.createStatement().execute("lock table master_key_fingerprint in exclusive mode");
            rotation.createStatement()
                    .execute("update master_key_fingerprint set fingerprint = '"
                            + newCipher.fingerprint().hex() + "'");
            int before = integrationCount(rotation);

            var add = CompletableFuture.supplyAsync(
                    () -> store.add(NewIntegration.of(
                            tenant.organizationId(),
                            CrmProvider.HUBSPOT,
                            new CrmCredentials.PrivateAppToken("pat-during-rotation"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty())),
                    executor);
            // The writer got past its first check (the old fingerprint is still the committed one)
            // and now waits on the lock inside its own transaction.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock(rotation));
            assertThat(add).isNotDone();
            rotation.commit();

            var failure = catchThrowableOfType(ExecutionException.class, add::get);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ScorelineException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.AUTH);
                assertThat(e.getMessage())
                        .contains("fingerprint " + oldCipher.fingerprint().shortForm())
                        .contains("fingerprint " + newCipher.fingerprint().shortForm());
            });
            assertThat(integrationCount(rotation)).isEqualTo(before);
        }
    }

    private static boolean waitingOnLock(java.sql.Connection connection) throws Exception {
        try (var rows = connection
                .createStatement()
                .executeQuery("select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                        + "where c.relname = 'master_key_fingerprint' and not l.granted")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static int integrationCount(java.sql.Connection connection) throws Exception {
        try (var rows = connection.createStatement().executeQuery("select count(*) from integrations")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
