package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code inbox --replay} decided in the command and {@link InboxReplay} decides now: only
 * failed events are replayed, an unknown event is named with the organization asked for, and
 * nothing is processed when a replay is refused.
 */
class InboxReplayIT {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static DatabaseRuntime database;
    private static TestTenant tenant;
    private static TestTenant other;
    private static InboxStore store;
    private static InboxReplay replay;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "replay-a", CrmProvider.HUBSPOT);
        other = TestTenant.create(database, "replay-b", CrmProvider.HUBSPOT);
        store = new InboxStore(tenant.transactions());
        // Not a stand-in for the workers: these tests are about the refusals, which must come before any
        // processing, so asking for the workers at all is the failure.
        replay = new InboxReplay(
                new OrganizationStore(tenant.transactions()),
                store,
                () -> {
                    throw new AssertionError("a refused replay must not process the inbox");
                },
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static InboxEntry pending(TestTenant at, String key) {
        store.insert(
                at.organizationId(),
                at.integrationId(),
                List.of(new InboxEvent(
                        CrmProvider.HUBSPOT,
                        key,
                        Optional.of("calls"),
                        "7",
                        "object.propertyChange",
                        Optional.of(T0),
                        "{}")),
                T0,
                T0);
        return store.list(at.organizationId(), Optional.of(InboxStatus.PENDING), 100).stream()
                .filter(e -> e.dedupeKey().endsWith(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onlyFailedEventsAreReplayed() {
        var entry = pending(tenant, "still-pending");
        assertThatThrownBy(() -> replay.replay(Optional.empty(), Optional.of(entry.id())))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT);
                    assertThat(e.getMessage()).contains("inbox event " + entry.id() + " is pending, not failed");
                });
        assertThat(store.find(tenant.organizationId(), entry.id()).orElseThrow().status())
                .isEqualTo(InboxStatus.PENDING);
    }

    @Test
    void anEventOfAnotherOrganizationIsNotFoundInThisOne() {
        var theirs = pending(other, "theirs");
        assertThatThrownBy(() -> replay.replay(Optional.of("replay-a"), Optional.of(theirs.id())))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no inbox event " + theirs.id() + " in organization replay-a");
                });
        assertThatThrownBy(() -> replay.replay(Optional.empty(), Optional.of(999_999L)))
                .isInstanceOfSatisfying(
                        ScorelineException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("no inbox event 999999"));
    }

    @Test
    void listingIsPerOrganizationAndFiltersByStatus() {
        var mine = pending(tenant, "listed");
        var theirs = pending(other, "listed-other");
        assertThat(replay.list(Optional.of("replay-a"), Optional.of(InboxStatus.PENDING), 100))
                .extracting(InboxEntry::id)
                .contains(mine.id())
                .doesNotContain(theirs.id());
        assertThat(replay.list(Optional.empty(), Optional.of(InboxStatus.PENDING), 100))
                .extracting(InboxEntry::id)
                .contains(mine.id(), theirs.id());
        assertThat(replay.list(Optional.of("replay-a"), Optional.of(InboxStatus.FAILED), 100))
                .isEmpty();
    }
}
