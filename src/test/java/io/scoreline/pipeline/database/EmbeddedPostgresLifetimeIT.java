package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.testing.EmbeddedServerProcess;
import io.scoreline.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Who stops the embedded server (ADR 0019), with real separate processes: a killed owner's
 * orphan is adopted and stopped when its adopter leaves last; an owner that leaves while another
 * process uses the server leaves it running and that process takes it over; a server that
 * disappears under a process is started again by it.
 */
class EmbeddedPostgresLifetimeIT {

    @Test
    void theOrphanOfAKilledOwnerIsAdoptedAndStoppedWhenItsAdopterLeaves() throws Exception {
        var data = scratch("lifetime-orphan");
        var first = EmbeddedServerProcess.Handle.start(data);
        assertThat(first.owned()).isTrue();
        var postmaster = RunningPostmaster.find(data).orElseThrow();

        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmaster.pid()))
                .as("the owner's kill -9 leaves its postmaster running")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (var adopter = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            assertThat(adopter.owned()).as("no live owner: adopted").isTrue();
            assertThat(adopter.port()).isEqualTo(postmaster.port());
            assertThat(selectOne(adopter)).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(postmaster.pid())
                        .map(p -> !p.isAlive())
                        .orElse(true));
        assertThat(RunningPostmaster.find(data)).isEmpty();
        assertThat(data.resolveSibling(ServerOwner.FILE)).doesNotExist();
    }

    @Test
    void anOwnerThatLeavesWhileAnotherProcessUsesTheServerLeavesItRunningForThatProcess() throws Exception {
        var data = scratch("lifetime-handover");
        var owner = EmbeddedServerProcess.Handle.start(data);
        assertThat(owner.owned()).isTrue();
        var postmaster = RunningPostmaster.find(data).orElseThrow();

        try (var second = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            assertThat(second.owned()).as("attached to a live owner's server").isFalse();

            assertThat(owner.exit()).isZero();
            assertThat(RunningPostmaster.find(data))
                    .as("still running for the second process")
                    .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(postmaster.pid()));
            assertThat(selectOne(second)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(second::owned);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RunningPostmaster.find(data).isEmpty());
    }

    @Test
    void aServerKilledUnderAProcessIsStartedAgainOnTheSamePort() throws Exception {
        var data = scratch("lifetime-restart");
        try (var server = EmbeddedPostgresServer.start(data, DatabaseSettings.DEFAULT_RUNTIME_ROLE)) {
            var before = RunningPostmaster.find(data).orElseThrow();
            killWithChildren(before.pid());

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> RunningPostmaster.find(data)
                            .map(p -> p.pid() != before.pid())
                            .orElse(false));
            assertThat(server.port()).isEqualTo(before.port());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> selectOne(server) == 1);
            assertThat(server.owned()).isTrue();
        }
        assertThat(RunningPostmaster.find(data)).isEmpty();
    }

    /** kill -9 of the postmaster and all its backends at once, as a machine's OOM killer or a crash would. */
    static void killWithChildren(long postmasterPid) {
        var postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        var all =
                new java.util.ArrayList<ProcessHandle>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    static int selectOne(EmbeddedPostgresServer server) throws Exception {
        var owner = server.ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement();
                var rs = statement.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Path scratch(String name) {
        var home = TestPostgres.testHome().resolve(name);
        TestPostgres.deleteRecursively(home);
        return home.resolve("pg");
    }
}
