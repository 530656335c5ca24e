package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.testing.TestTenant;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The durability of the product's embedded server without crashing the machine: webhook events are
 * written through the inbox insert the webhook controllers acknowledge after, by several writers at
 * once; the postmaster and every backend are killed with -9 together, mid-stream; after the restart
 * every event whose insert returned is there. With synchronous_commit off (what the embedded library
 * runs by default) the last acknowledged commits of such a crash are lost.
 */
class AcknowledgedEventsSurviveACrashIT {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void everyAcknowledgedEventIsThereAfterKillMinusNineOfTheWholeServer() throws Exception {
        var data = EmbeddedPostgresLifetimeIT.scratch("crash-durability");
        var settings = new DatabaseSettings(
                Optional.empty(), Optional.empty(), data, DatabaseSettings.DEFAULT_RUNTIME_ROLE, 8, true);
        try (var database = DatabaseRuntime.open(settings)) {
            var server = database.embeddedServer().orElseThrow();
            var tenant = TestTenant.create(database, "crash", CrmProvider.HUBSPOT);
            var inbox = new InboxStore(tenant.transactions());

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            var failures = new AtomicInteger();
            var stop = new AtomicBoolean();
            var writers = IntStream.range(0, 6)
                    .mapToObj(writer -> Thread.ofVirtual().start(() -> {
                        for (int batch = 0; !stop.get(); batch++) {
                            int b = batch;
                            var keys = IntStream.range(0, 5)
                                    .mapToObj(i -> "w" + writer + "-b" + b + "-e" + i)
                                    .toList();
                            List<InboxEvent> events = keys.stream()
                                    .map(AcknowledgedEventsSurviveACrashIT::event)
                                    .toList();
                            try {
                                inbox.insert(tenant.organizationId(), tenant.integrationId(), events, T0, T0);
                                // The controller answers 2xx only now: these are acknowledged.
                                acknowledged.addAll(keys);
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                            }
                        }
                    }))
                    .toList();

            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 1_500);
            EmbeddedPostgresLifetimeIT.killWithChildren(
                    RunningPostmaster.find(data).orElseThrow().pid());
            // Writers keep trying while the server is down: none of those is acknowledged.
            await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() > 0);
            stop.set(true);
            for (var writer : writers) {
                writer.join();
            }

            server.ensureRunning();
            var owner = server.ownerEndpoint();
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
                try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password())) {
                    return connection.isValid(5);
                }
            });
            var stored = new HashSet<String>();
            try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                    var statement = connection.createStatement();
                    var rs = statement.executeQuery(
                            "select record_id from webhook_inbox where event_type = 'crash.test'")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1_500);
            assertThat(stored).as("every acknowledged event after the crash").containsAll(acknowledged);
        }
    }

    private static InboxEvent event(String key) {
        return new InboxEvent(CrmProvider.HUBSPOT, key, Optional.of("calls"), key, "crash.test", Optional.of(T0), "{}");
    }
}
