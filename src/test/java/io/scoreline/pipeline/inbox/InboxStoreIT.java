package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox table under row-level security: duplicates skipped, due organizations found through
 * the directory function only, claims exclusive until their lease runs out (a dead worker's rows
 * come back), backoff and parking after the last attempt, replay.
 */
class InboxStoreIT {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static DatabaseRuntime database;
    private static TestTenant tenant;
    private static TestTenant other;
    private static TestTenant third;
    private static InboxStore store;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "inbox-a", CrmProvider.HUBSPOT);
        other = TestTenant.create(database, "inbox-b", CrmProvider.HUBSPOT);
        third = TestTenant.create(database, "inbox-c", CrmProvider.HUBSPOT);
        store = new InboxStore(tenant.transactions());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static InboxEvent event(String key, String recordId) {
        return new InboxEvent(
                CrmProvider.HUBSPOT,
                key,
                Optional.of("calls"),
                recordId,
                "object.propertyChange",
                Optional.of(T0),
                "{}");
    }

    @Test
    void duplicatesAreSkippedPerIntegration() {
        assertThat(store.insert(
                        tenant.organizationId(),
                        tenant.integrationId(),
                        List.of(event("d1", "1"), event("d2", "2")),
                        T0,
                        T0))
                .isEqualTo(2);
        assertThat(store.insert(
                        tenant.organizationId(),
                        tenant.integrationId(),
                        List.of(event("d1", "1"), event("d3", "3")),
                        T0,
                        T0))
                .isEqualTo(1);
        // The same CRM event id at another tenant's integration is another event.
        assertThat(store.insert(other.organizationId(), other.integrationId(), List.of(event("d1", "1")), T0, T0))
                .isEqualTo(1);
    }

    @Test
    void aClaimIsExclusiveUntilItsLeaseRunsOutAndFailuresBackOffThenPark() {
        var at = T0.plus(Duration.ofDays(1));
        var settings =
                InboxSettings.defaults().withMaxAttempts(2).withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1));
        store.insert(
                third.organizationId(), third.integrationId(), List.of(event("lease-1", "9")), at, at.plusSeconds(1));
        assertThat(store.dueOrganizations(at)).doesNotContain(third.organizationId());
        assertThat(store.dueOrganizations(at.plusSeconds(1))).contains(third.organizationId());

        var first = store.claim(third.organizationId(), at.plusSeconds(1), Duration.ofMinutes(5), 100).stream()
                .filter(e -> e.dedupeKey().endsWith("lease-1"))
                .toList();
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(InboxStatus.PROCESSING);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(store.claim(third.organizationId(), at.plusSeconds(60), Duration.ofMinutes(5), 100))
                .noneMatch(e -> e.dedupeKey().endsWith("lease-1"));
        // The worker died: after the lease another one takes the row again.
        var again =
                store.claim(third.organizationId(), at.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5), 100).stream()
                        .filter(e -> e.dedupeKey().endsWith("lease-1"))
                        .toList();
        assertThat(again)
                .singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));

        store.markFailed(
                third.organizationId(), again, "RETRYABLE: CRM down", at.plus(Duration.ofMinutes(6)), settings, true);
        var parked = store.find(third.organizationId(), again.getFirst().id()).orElseThrow();
        assertThat(parked.status()).isEqualTo(InboxStatus.FAILED);
        assertThat(parked.lastError()).contains("RETRYABLE: CRM down");

        assertThat(store.replay(third.organizationId(), Optional.of(parked.id()), at.plus(Duration.ofMinutes(7))))
                .containsExactly(parked.id());
        var replayed = store.find(third.organizationId(), parked.id()).orElseThrow();
        assertThat(replayed.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(replayed.attempts()).isZero();
    }

    @Test
    void aFailureBeforeTheLastAttemptWaitsForItsBackoff() {
        var at = T0.plus(Duration.ofDays(2));
        var settings =
                InboxSettings.defaults().withMaxAttempts(5).withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1));
        store.insert(other.organizationId(), other.integrationId(), List.of(event("backoff-1", "7")), at, at);
        var claimed = store.claim(other.organizationId(), at, Duration.ofMinutes(5), 100).stream()
                .filter(e -> e.dedupeKey().endsWith("backoff-1"))
                .toList();
        store.markFailed(other.organizationId(), claimed, "boom", at, settings, true);
        var waiting =
                store.find(other.organizationId(), claimed.getFirst().id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(at.plusSeconds(10));
    }

    @Test
    void aFailureThatIsNotRetriedParksOnTheFirstAttempt() {
        var at = T0.plus(Duration.ofDays(3));
        var settings = InboxSettings.defaults().withMaxAttempts(8);
        store.insert(other.organizationId(), other.integrationId(), List.of(event("bad-1", "x-not-an-id")), at, at);
        var claimed = store.claim(other.organizationId(), at, Duration.ofMinutes(5), 100).stream()
                .filter(e -> e.dedupeKey().endsWith("bad-1"))
                .toList();
        assertThat(claimed)
                .singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
        store.markFailed(other.organizationId(), claimed, "BAD_INPUT: not a HubSpot record id", at, settings, false);
        var parked = store.find(other.organizationId(), claimed.getFirst().id()).orElseThrow();
        assertThat(parked.status()).isEqualTo(InboxStatus.FAILED);
        assertThat(parked.lastError()).contains("BAD_INPUT: not a HubSpot record id");
    }

    @Test
    void rowsAreInvisibleOutsideTheirOrganization() {
        store.insert(tenant.organizationId(), tenant.integrationId(), List.of(event("own-1", "5")), T0, T0);
        assertThat(store.list(other.organizationId(), Optional.empty(), 1000))
                .noneMatch(e -> e.dedupeKey().endsWith("own-1"));
        int count = tenant.transactions()
                .withoutOrganization(tx -> tx.fetchCount(io.scoreline.pipeline.db.Tables.WEBHOOK_INBOX));
        assertThat(count).isZero();
    }
}
