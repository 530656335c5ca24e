package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceRecordsTest {

    private final SalesforceRecords records = new SalesforceRecords(SyntheticDataset.generate(new DatasetSpec(5, 3,
            10, LocalDate.of(2026, 3, 1), ZoneId.of("Europe/Berlin"))), "integration@scoreline-sim.example");

    @Test
    void everyRowIsFoundByItsIdAndByTheNumberInIt() {
        for (SalesforceObject type : SalesforceSchema.ALL) {
            List<SalesforceRow> rows = records.rows(type).toList();
            assertThat(rows).as(type.name()).isNotEmpty();
            for (SalesforceRow row : rows) {
                long number = SalesforceIds.number(row.id(), type.keyPrefix()).orElseThrow();

                assertThat(records.byId(row.id())).contains(row);
                assertThat(records.byId(row.id().substring(0, 15))).contains(row);
                assertThat(records.byNumber(type, number)).contains(row);
            }
        }
    }

    @Test
    void unknownIdsAndNumbersFindNothing() {
        assertThat(records.byId(SalesforceIds.of("005", 999))).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.USER, 999)).isEmpty();
        assertThat(records.byId(SalesforceIds.of("005", 1).substring(0, 15) + "AAA")).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.TASK, 0)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.TASK, 8 + 4)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.OPPORTUNITY, 0)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.EVENT, 1_000_000_000L)).isEmpty();
        assertThat(records.byId("001Sm0000000001AAA")).isEmpty();
        assertThat(records.byId(null)).isEmpty();
    }

    @Test
    void filteringOnDeletedAndModstampBeforeBuildingGivesTheRowsThoseValuesSelect() {
        for (SalesforceObject type : SalesforceSchema.ALL) {
            List<SalesforceRow> all = records.rows(type).toList();
            Instant middle = all.stream().map(row -> (Instant) row.value("SystemModstamp")).sorted().toList().get(all.size() / 2);
            for (boolean deleted : new boolean[] {false, true}) {
                var expected = all.stream().filter(row -> row.deleted() == deleted
                        && !((Instant) row.value("SystemModstamp")).isBefore(middle)).toList();

                assertThat(records.rows(type, (gone, modstamp) -> gone == deleted && !modstamp.isBefore(middle)).toList())
                        .as("%s, deleted %s", type.name(), deleted)
                        .isEqualTo(expected);
            }
        }
        assertThat(records.rows(SalesforceSchema.TASK).filter(SalesforceRow::deleted)).as("the dataset has deleted Tasks").isNotEmpty();
    }
}
