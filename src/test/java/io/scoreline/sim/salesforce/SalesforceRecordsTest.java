package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceRecordsTest {

    private final SalesforceRecords records = new SalesforceRecords(
            SyntheticDataset.generate(new DatasetSpec(5, 3, 10, LocalDate.of(2026, 3, 1), ZoneId.of("Europe/Berlin"))),
            "integration@scoreline-sim.example");

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
        assertThat(records.byId(SalesforceIds.of("005", 1).substring(0, 15) + "AAA"))
                .isEmpty();
        assertThat(records.byNumber(SalesforceSchema.TASK, 0)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.TASK, 8 + 4)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.OPPORTUNITY, 0)).isEmpty();
        assertThat(records.byNumber(SalesforceSchema.EVENT, 1_000_000_000L)).isEmpty();
        assertThat(records.byId("001Sm0000000001AAA")).isEmpty();
        assertThat(records.byId(null)).isEmpty();
    }

    @Test
    void candidatesCarryTheIdDeletedFlagAndModstampTheirRowsShow() {
        for (SalesforceObject type : SalesforceSchema.ALL) {
            List<SalesforceRow> rows = records.rows(type).toList();
            List<QueryCandidate> candidates = records.candidates(type).toList();
            assertThat(candidates).as(type.name()).hasSameSizeAs(rows);
            for (int i = 0; i < rows.size(); i++) {
                SalesforceRow row = rows.get(i);
                QueryCandidate candidate = candidates.get(i);
                assertThat(candidate.id()).isEqualTo(row.id());
                assertThat(SalesforceIds.number(row.id(), type.keyPrefix())).hasValue(candidate.idNumber());
                assertThat(candidate.value("Id")).isEqualTo(row.id());
                assertThat(candidate.deleted()).isEqualTo(row.deleted());
                assertThat(candidate.systemModstamp()).isEqualTo(row.value("SystemModstamp"));
                assertThat(candidate.row()).isEqualTo(row);
            }
        }
        assertThat(records.candidates(SalesforceSchema.TASK).filter(QueryCandidate::deleted))
                .as("the dataset has deleted Tasks")
                .isNotEmpty();
    }
}
