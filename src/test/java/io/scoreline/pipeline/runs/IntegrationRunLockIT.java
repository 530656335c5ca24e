package io.scoreline.pipeline.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One run of an integration at a time, between processes: each "process" here is a connection
 * pool of its own on the same database.
 */
class IntegrationRunLockIT {

    private static DatabaseRuntime serve;
    private static DatabaseRuntime manualSync;
    private static IntegrationRunLocks serveLocks;
    private static IntegrationRunLocks manualLocks;

    @BeforeAll
    static void setUp() {
        serve = TestPostgres.freshRuntime();
        manualSync = DatabaseRuntime.open(TestPostgres.settingsFor(serve.ownerEndpoint()));
        serveLocks = new IntegrationRunLocks(serve.dataSource());
        manualLocks = new IntegrationRunLocks(manualSync.dataSource());
    }

    @AfterAll
    static void tearDown() {
        manualSync.close();
        serve.close();
    }

    @Test
    void aHeldLockTurnsAwayEveryOtherRunOfThatIntegrationOnly() {
        try (var scheduled = serveLocks.tryAcquire(7).orElseThrow()) {
            assertThat(manualLocks.tryAcquire(7)).isEqualTo(new RunLockAttempt.AlreadyRunning(7));
            assertThat(serveLocks.tryAcquire(7))
                    .as("another run in the same process")
                    .isEqualTo(new RunLockAttempt.AlreadyRunning(7));
            assertThatThrownBy(() -> manualLocks.tryAcquire(7).orElseThrow())
                    .isInstanceOfSatisfying(
                            ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT))
                    .hasMessageContaining("integration 7 is already syncing");
            try (var other = manualLocks.tryAcquire(8).orElseThrow()) {
                assertThat(other.integrationId()).isEqualTo(8);
            }
            assertThat(scheduled.integrationId()).isEqualTo(7);
        }
        try (var manual = manualLocks.tryAcquire(7).orElseThrow()) {
            assertThat(manual.integrationId()).isEqualTo(7);
        }
    }

    @Test
    void aFailedRunReleasesItsLock() {
        assertThatThrownBy(() -> {
                    try (var run = serveLocks.tryAcquire(9).orElseThrow()) {
                        throw new IllegalStateException("sync failed halfway");
                    }
                })
                .hasMessage("sync failed halfway");

        assertThat(manualLocks.tryAcquire(9))
                .isInstanceOfSatisfying(
                        RunLockAttempt.Acquired.class,
                        acquired -> acquired.lock().close());
    }

    @Test
    void aHolderWhoseSessionDiesLeavesTheLockFree() throws SQLException {
        var lost = serveLocks.tryAcquire(10).orElseThrow();
        terminateSessionHolding(10);

        try (var manual = manualLocks.tryAcquire(10).orElseThrow()) {
            assertThat(manual.integrationId()).isEqualTo(10);
            lost.close();
            assertThat(serveLocks.tryAcquire(10))
                    .as("closing the dead holder frees nothing it no longer has")
                    .isEqualTo(new RunLockAttempt.AlreadyRunning(10));
        }
    }

    /**
     * What a crashed process or a dropped network connection does to the holder's session; waits
     * until the session has ended.
     */
    private static void terminateSessionHolding(long integrationId) throws SQLException {
        var admin = TestPostgres.server().superuserEndpoint("postgres");
        try (var connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                var statement = connection.prepareStatement("select pg_terminate_backend(pid, 10000) from pg_locks "
                        + "where locktype = 'advisory' and classid = ? and objid = ? and granted")) {
            statement.setLong(1, IntegrationRunLocks.NAMESPACE);
            statement.setLong(2, integrationId);
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).as("a session holds the lock").isTrue();
                assertThat(result.getBoolean(1)).isTrue();
            }
        }
    }
}
