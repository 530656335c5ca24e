package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive while a commit is under way share the next one (ADR 0053): each still
 * learns how many of its own events were new, a redelivery inside one shared commit is still
 * skipped, a request that cannot be stored fails alone, and past the queue's bound a request is
 * refused at once instead of waiting. A share lock on the inbox table, held by a second
 * connection, holds the first commit up so that the others queue behind it.
 */
class InboxGroupCommitIT {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static DatabaseRuntime database;
    private static TestTenant tenant;
    private static TestTenant other;
    private static InboxStore store;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "group-a", CrmProvider.HUBSPOT);
        other = TestTenant.create(database, "group-b", CrmProvider.HUBSPOT);
        store = new InboxStore(tenant.transactions());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static InboxGroupCommit.Insert insert(TestTenant who, String prefix, List<String> keys) {
        var events = keys.stream()
                .map(k -> new InboxEvent(
                        CrmProvider.HUBSPOT,
                        prefix + k,
                        Optional.of("calls"),
                        k,
                        "object.propertyChange",
                        Optional.of(T0),
                        k.startsWith("bad") ? "{\"nul\": \"\u0000\"}" : "{}"))
                .toList();
        return new InboxGroupCommit.Insert(who.organizationId(), who.integrationId(), events, T0, T0);
    }

    /** Holds a share lock on the inbox table (inserts wait) until the returned connection is closed. */
    private static Connection lockInbox() throws Exception {
        var connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("lock table webhook_inbox in share mode");
        }
        return connection;
    }

    private static void awaitQueued(InboxGroupCommit commit, int count) throws InterruptedException {
        while (commit.queued() < count) {
            Thread.sleep(10);
        }
    }

    @Test
    void queuedRequestsShareACommitAndEachLearnsItsOwnNewEvents() throws Exception {
        var commit = new InboxGroupCommit(store, 100);
        var results = new ArrayList<Future<InboxGroupCommit.Result>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try (var lock = lockInbox()) {
                // The first request leads and waits for the lock; the next ones queue behind it.
                results.add(executor.submit(() -> commit.commit(List.of(insert(tenant, "s-", List.of("lead"))))));
                while (commit.queued() > 0 || lockWaiters() == 0) {
                    Thread.sleep(10);
                }
                for (int i = 0; i < 20; i++) {
                    // Request i carries keys i and i+1: every key but the first and last arrives twice.
                    var keys = List.of("k" + i, "k" + (i + 1));
                    results.add(executor.submit(() -> commit.commit(List.of(insert(tenant, "s-", keys)))));
                }
                results.add(executor.submit(() -> commit.commit(List.of(insert(other, "s-", List.of("k0"))))));
                awaitQueued(commit, 21);
                lock.rollback();
            }
            int inserted = 0;
            for (var result : results) {
                assertThat(result.get()).isInstanceOf(InboxGroupCommit.Result.Stored.class);
                inserted += ((InboxGroupCommit.Result.Stored) result.get()).inserted();
            }
            // "lead", k0…k20 once each at the tenant, k0 at the other tenant.
            assertThat(inserted).isEqualTo(1 + 21 + 1);
        }
        assertThat(store.list(tenant.organizationId(), Optional.empty(), 1000))
                .filteredOn(e -> e.dedupeKey().contains(":s-"))
                .hasSize(22);
        assertThat(store.list(other.organizationId(), Optional.empty(), 1000))
                .filteredOn(e -> e.dedupeKey().contains(":s-"))
                .hasSize(1);
    }

    @Test
    void aRequestThatCannotBeStoredFailsAloneAndTheOthersInItsGroupAreStored() throws Exception {
        var commit = new InboxGroupCommit(store, 100);
        Future<InboxGroupCommit.Result> lead;
        Future<InboxGroupCommit.Result> good;
        Future<InboxGroupCommit.Result> bad;
        Future<InboxGroupCommit.Result> alsoGood;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try (var lock = lockInbox()) {
                lead = executor.submit(() -> commit.commit(List.of(insert(tenant, "p-", List.of("lead")))));
                while (commit.queued() > 0 || lockWaiters() == 0) {
                    Thread.sleep(10);
                }
                good = executor.submit(() -> commit.commit(List.of(insert(tenant, "p-", List.of("g1", "g2")))));
                awaitQueued(commit, 1);
                bad = executor.submit(() -> commit.commit(List.of(insert(tenant, "p-", List.of("g3", "bad1")))));
                awaitQueued(commit, 2);
                alsoGood = executor.submit(() -> commit.commit(List.of(insert(tenant, "p-", List.of("g4")))));
                awaitQueued(commit, 3);
                lock.rollback();
            }
            assertThat(lead.get()).isEqualTo(new InboxGroupCommit.Result.Stored(1));
            assertThat(good.get()).isEqualTo(new InboxGroupCommit.Result.Stored(2));
            assertThat(alsoGood.get()).isEqualTo(new InboxGroupCommit.Result.Stored(1));
            assertThatThrownBy(bad::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ScorelineException.class);
        }
        // Nothing of the failed request was stored, not even its good event.
        assertThat(store.list(tenant.organizationId(), Optional.empty(), 1000))
                .extracting(InboxEntry::dedupeKey)
                .filteredOn(k -> k.contains(":p-"))
                .hasSize(4)
                .noneMatch(k -> k.endsWith("p-g3"));
    }

    @Test
    void pastItsBoundTheQueueRefusesANewRequestAtOnceAndTakesOnesAfterItDrained() throws Exception {
        var commit = new InboxGroupCommit(store, 3);
        var queued = new ArrayList<Future<InboxGroupCommit.Result>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            try (var lock = lockInbox()) {
                queued.add(executor.submit(() -> commit.commit(List.of(insert(tenant, "b-", List.of("lead"))))));
                while (commit.queued() > 0 || lockWaiters() == 0) {
                    Thread.sleep(10);
                }
                IntStream.range(0, 3)
                        .forEach(i -> queued.add(executor.submit(
                                () -> commit.commit(List.of(insert(tenant, "b-", List.of("q" + i)))))));
                awaitQueued(commit, 3);
                // Answered while the commit is still held up: refused, not queued.
                assertThat(commit.commit(List.of(insert(tenant, "b-", List.of("over")))))
                        .isEqualTo(new InboxGroupCommit.Result.Busy());
                lock.rollback();
            }
            for (var result : queued) {
                assertThat(result.get()).isInstanceOf(InboxGroupCommit.Result.Stored.class);
            }
        }
        assertThat(commit.commit(List.of(insert(tenant, "b-", List.of("after")))))
                .isEqualTo(new InboxGroupCommit.Result.Stored(1));
        assertThat(store.list(tenant.organizationId(), Optional.empty(), 1000))
                .extracting(InboxEntry::dedupeKey)
                .filteredOn(k -> k.contains(":b-"))
                .hasSize(5)
                .noneMatch(k -> k.endsWith("b-over"));
    }

    /** Sessions waiting for a lock on the inbox table: the leader's insert has reached the database. */
    private static int lockWaiters() throws Exception {
        try (var connection = database.dataSource().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from pg_locks where relation = 'webhook_inbox'::regclass and not granted")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
