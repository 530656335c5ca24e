package io.scoreline.pipeline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A distinct count (ADR 0042) reads the distinct values of a cell's facts, which can change while
 * the cell's value and count do not: such a cell is still touched (one outbox row), though it has
 * no delta to add.
 */
class FactChangesDistinctTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    @Test
    void aFactMovedToAnotherDistinctValueTouchesItsCellWithoutADelta() {
        var changes = new FactChanges();
        changes.compare(
                Map.of("calls_made", call("T1", 7L, DAY, "ACC-A")), Map.of("calls_made", call("T1", 7L, DAY, "ACC-B")));

        assertThat(changes.updates()).hasSize(1);
        assertThat(changes.deltas()).isEmpty();
        assertThat(changes.touchedCells()).containsExactly(new KpiCell(7L, "calls_made", DAY));
    }

    @Test
    void twoRecordsSwappingDaysCancelOutInTheSumsButTouchBothDays() {
        var changes = new FactChanges();
        var next = DAY.plusDays(1);
        changes.compare(
                Map.of("calls_made", call("T1", 7L, DAY, "ACC-A")),
                Map.of("calls_made", call("T1", 7L, next, "ACC-A")));
        changes.compare(
                Map.of("calls_made", call("T2", 7L, next, "ACC-B")),
                Map.of("calls_made", call("T2", 7L, DAY, "ACC-B")));

        assertThat(changes.deltas()).isEmpty();
        assertThat(changes.touchedCells())
                .containsExactlyInAnyOrder(new KpiCell(7L, "calls_made", DAY), new KpiCell(7L, "calls_made", next));
    }

    @Test
    void withoutADistinctValueOnlyCellsWithADeltaAreTouched() {
        var changes = new FactChanges();
        // Another time of day on the same day: the fact is rewritten, but no reading of the cell changes.
        var before = new StoredFact("T1", "calls_made", 7L, "005A", DAY, null, BigDecimal.ONE, null);
        var after = new StoredFact(
                "T1",
                "calls_made",
                7L,
                "005A",
                DAY,
                java.time.Instant.parse("2026-12-01T10:00:00Z"),
                BigDecimal.ONE,
                null);
        changes.compare(Map.of("calls_made", before), Map.of("calls_made", after));
        changes.compare(
                Map.of("calls_made", call("T2", 7L, DAY, "ACC-A")), Map.of("calls_made", call("T2", 7L, DAY, "ACC-A")));

        assertThat(changes.updates()).hasSize(1);
        assertThat(changes.touchedCells()).isEmpty();
    }

    private static StoredFact call(String recordId, Long profileId, LocalDate day, String account) {
        return new StoredFact(recordId, "calls_made", profileId, "005A", day, null, BigDecimal.ONE, account);
    }
}
