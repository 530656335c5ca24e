package io.scoreline.pipeline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The halving of a group whose write failed for bad input, against a writer that refuses any part
 * holding a bad record id, as a CRM refuses a read with one malformed id in it.
 */
class BadEventIsolationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void oneBadIdAmongAHundredIsParkedAloneAndTheRestWrittenInAFewReads() {
        var entries = entries(100);
        var writer = new RefusingWriter(Set.of("r37"));
        var outcome = BadEventIsolation.isolate(entries, writer.failure(), writer);
        assertThat(outcome.written()).isEqualTo(99);
        assertThat(writer.written).hasSize(99).doesNotContain("r37");
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.entries()).extracting(InboxEntry::recordId).containsExactly("r37");
            assertThat(f.cause()).isInstanceOf(ScorelineException.class).hasMessageContaining("r37");
        });
        assertThat(writer.calls).as("about two reads per halving").isLessThanOrEqualTo(2 * 7);
    }

    @Test
    void everyEventOfARecordStaysWithIt() {
        var entries = new ArrayList<>(entries(8));
        entries.add(entry(100, "r3"));
        var writer = new RefusingWriter(Set.of("r3"));
        var outcome = BadEventIsolation.isolate(entries, writer.failure(), writer);
        assertThat(outcome.failures())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.entries()).extracting(InboxEntry::id).containsExactly(3L, 100L));
        assertThat(outcome.written()).isEqualTo(7);
    }

    @Test
    void aGroupThatFailsWhicheverPartIsSentIsParkedWholeWithItsFailure() {
        var entries = entries(500);
        var writer = new RefusingWriter(null);
        var outcome = BadEventIsolation.isolate(entries, writer.failure(), writer);
        assertThat(outcome.written()).isZero();
        assertThat(outcome.failures())
                .flatExtracting(BadEventIsolation.Failure::entries)
                .hasSize(500);
        assertThat(outcome.failures())
                .allSatisfy(
                        f -> assertThat(((ScorelineException) f.cause()).kind()).isEqualTo(FailureKind.BAD_INPUT));
        assertThat(writer.calls).isEqualTo(BadEventIsolation.readsFor(500));
    }

    @Test
    void whatIsNotToldApartWithinTheBoundIsRetriedLater() {
        var entries = entries(64);
        var bad = IntStream.range(0, 64)
                .filter(i -> i % 8 == 0)
                .mapToObj(i -> "r" + i)
                .toList();
        var writer = new RefusingWriter(Set.copyOf(bad));
        var outcome = BadEventIsolation.isolate(entries, writer.failure(), writer);
        assertThat(outcome.written()).isPositive();
        assertThat(writer.calls).isLessThanOrEqualTo(BadEventIsolation.readsFor(64));
        assertThat(outcome.written()
                        + outcome.failures().stream()
                                .mapToInt(f -> f.entries().size())
                                .sum())
                .isEqualTo(64);
        assertThat(outcome.failures())
                .filteredOn(f -> f.entries().size() > 1)
                .allSatisfy(
                        f -> assertThat(((ScorelineException) f.cause()).kind()).isEqualTo(FailureKind.RETRYABLE));
    }

    private static List<InboxEntry> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> entry(i, "r" + i)).toList();
    }

    private static InboxEntry entry(long id, String recordId) {
        return new InboxEntry(
                id,
                1,
                1,
                CrmProvider.HUBSPOT,
                "k" + id,
                Optional.of("calls"),
                recordId,
                "object.creation",
                Optional.of(T0),
                "{}",
                InboxStatus.PROCESSING,
                1,
                T0,
                Optional.empty(),
                T0,
                Optional.empty());
    }

    /** Writes a part unless it holds a bad id (all ids bad when {@code bad} is null). */
    private static final class RefusingWriter implements Consumer<List<InboxEntry>> {
        final Set<String> bad;
        final List<String> written = new ArrayList<>();
        int calls;

        RefusingWriter(Set<String> bad) {
            this.bad = bad;
        }

        ScorelineException failure() {
            return ScorelineException.badInput(
                    "not a record id: '" + (bad == null ? "any" : String.join("', '", bad)) + "'");
        }

        @Override
        public void accept(List<InboxEntry> part) {
            calls++;
            var refused = part.stream()
                    .map(InboxEntry::recordId)
                    .filter(id -> bad == null || bad.contains(id))
                    .toList();
            if (!refused.isEmpty()) {
                throw ScorelineException.badInput("not a record id: '" + refused.getFirst() + "'");
            }
            part.forEach(e -> written.add(e.recordId()));
        }
    }
}
