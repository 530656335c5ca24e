package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.ChangeQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkCsvConversionTest {

    @Test
    void csvRowsHandleQuotesDoubledQuotesLineBreaksAndCrlf() {
        var rows = new CsvRows("\"Id\",\"Subject\"\r\n\"00T1\",\"say \"\"hi\"\"\nthen, go\"\r\n\"00T2\",\"\"\n");
        assertThat(rows.next()).hasValue(List.of("Id", "Subject"));
        assertThat(rows.next()).hasValue(List.of("00T1", "say \"hi\"\nthen, go"));
        assertThat(rows.next()).hasValue(List.of("00T2", ""));
        assertThat(rows.next()).isEmpty();
    }

    @Test
    void valuesBecomeWhatTheRestQueryGives() {
        var converter = new BulkRowConverter(
                "Task",
                List.of(
                        "Id",
                        "SystemModstamp",
                        "IsDeleted",
                        "CallDurationInSeconds",
                        "Amount__c",
                        "Subject",
                        "ActivityDate",
                        "Owner.Email"),
                Map.of(
                        "id",
                        "id",
                        "systemmodstamp",
                        "datetime",
                        "isdeleted",
                        "boolean",
                        "calldurationinseconds",
                        "int",
                        "amount__c",
                        "currency",
                        "subject",
                        "string",
                        "activitydate",
                        "date"));
        var record = converter.toRecord(List.of(
                "00T000000000001AAA",
                "2026-02-03T04:05:06.000Z",
                "true",
                "125",
                "1500.50",
                "",
                "2026-02-03",
                "rep@example.com"));
        assertThat(record.recordId()).isEqualTo("00T000000000001AAA");
        assertThat(record.modstamp()).isEqualTo(Instant.parse("2026-02-03T04:05:06Z"));
        assertThat(record.deleted()).isTrue();
        assertThat(record.fields())
                .containsEntry("SystemModstamp", "2026-02-03T04:05:06.000+0000")
                .containsEntry("IsDeleted", true)
                .containsEntry("CallDurationInSeconds", 125)
                .containsEntry("Amount__c", 1500.5)
                .containsEntry("Subject", null)
                .containsEntry("ActivityDate", "2026-02-03")
                .containsEntry("Owner", Map.of("Email", "rep@example.com"));
        assertThatThrownBy(() -> converter.toRecord(List.of("00T000000000001AAA")))
                .hasMessageContaining("a row has 1 values for 8 columns");
    }

    @Test
    void pushedFilterIsAndedToTheWindow() {
        var query = new ChangeQuery(
                "Task",
                Set.of("TaskSubtype"),
                Instant.parse("2026-02-01T05:00:00Z"),
                Optional.of(Instant.parse("2026-03-01T05:00:00Z")),
                2000,
                Optional.of("TaskSubtype = 'Call' OR TaskSubtype = null"));
        assertThat(SoqlChangeQuery.of(query))
                .contains(
                        "SystemModstamp < 2026-03-01T05:00:00Z AND (TaskSubtype = 'Call' OR TaskSubtype = null) ORDER BY");
        assertThat(SoqlChangeQuery.count(query)).endsWith("AND (TaskSubtype = 'Call' OR TaskSubtype = null)");
    }
}
