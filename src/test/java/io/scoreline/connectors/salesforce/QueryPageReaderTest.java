package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed page reader: what a record holds, and the pages it refuses with a message naming the call. */
class QueryPageReaderTest {

    private static QueryPageReader.QueryPage read(String json) {
        return QueryPageReader.read(
                "queryMore", "Task", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rowsBecomeRecordsWithoutAttributesAndWithTheirJsonTypes() {
        var page = read("""
                {"totalSize": 3, "done": false, "nextRecordsUrl": "/services/data/v62.0/query/01g-2000",
                 "records": [{"attributes": {"type": "Task", "url": "/x"}, "Id": "00T1", "IsDeleted": true,
                              "SystemModstamp": "2026-11-20T09:05:00.000+0000", "CallDurationInSeconds": 90,
                              "Amount": 12.5, "Big": 12345678901, "Subject": null,
                              "Owner": {"attributes": {"type": "User"}, "Email": "a@x.test"}}]}""");

        assertThat(page.done()).isFalse();
        assertThat(page.nextRecordsUrl()).isEqualTo("/services/data/v62.0/query/01g-2000");
        assertThat(page.totalSize()).isEqualTo(3);
        var record = page.records().getFirst();
        assertThat(record.recordId()).isEqualTo("00T1");
        assertThat(record.deleted()).isTrue();
        assertThat(record.modstamp()).isEqualTo(Instant.parse("2026-11-20T09:05:00Z"));
        assertThat(record.fields())
                .doesNotContainKey("attributes")
                .containsEntry("CallDurationInSeconds", 90)
                .containsEntry("Amount", 12.5)
                .containsEntry("Big", 12345678901L)
                .containsEntry("Subject", null)
                .containsEntry("Owner", Map.of("Email", "a@x.test"));
    }

    @Test
    void theLastPageHasNoNextLocator() {
        var page = read("{\"done\": true, \"nextRecordsUrl\": \"/ignored\", \"records\": []}");
        assertThat(page.done()).isTrue();
        assertThat(page.nextRecordsUrl()).isNull();
        assertThat(page.records()).isEmpty();
    }

    @Test
    void malformedJsonNamesTheCall() {
        assertThatThrownBy(() -> read("{\"done\": true, \"records\": [{\"Id\": "))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageStartingWith("salesforce queryMore answered with malformed JSON");
    }

    @Test
    void pagesMissingWhatPagingNeedsAreRefused() {
        assertThatThrownBy(() -> read("{\"done\": true}")).hasMessageContaining("no records/done members");
        assertThatThrownBy(() -> read("{\"records\": []}")).hasMessageContaining("no records/done members");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("no records/done members");
        assertThatThrownBy(() -> read("{\"done\": false, \"records\": []}"))
                .hasMessageContaining("not done, but no nextRecordsUrl");
    }

    @Test
    void aRowWithoutIdOrModstampIsRefused() {
        assertThatThrownBy(() -> read("{\"done\": true, \"records\": [{\"Id\": \"00T1\"}]}"))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageContaining("malformed Task row without Id or SystemModstamp");
    }

    @Test
    void modstampsAreReadInEverySpellingAndAMalformedOneIsRefused() {
        for (var spelling : new String[] {
            "2026-11-20T10:05:00.000+0100",
            "2026-11-20T09:05:00Z",
            "2026-11-20T04:05:00.000-05:00",
            "2026-11-20T09:05:00+00:00"
        }) {
            var page = read(
                    "{\"done\": true, \"records\": [{\"Id\": \"00T1\", \"SystemModstamp\": \"" + spelling + "\"}]}");
            assertThat(page.records().getFirst().modstamp())
                    .as(spelling)
                    .isEqualTo(Instant.parse("2026-11-20T09:05:00Z"));
        }
        for (var malformed :
                new String[] {"2026-11-20", "1763629500000", "2026-13-20T09:05:00.000+0000", "yesterday"}) {
            assertThatThrownBy(() -> read("{\"done\": true, \"records\": [{\"Id\": \"00T1\", \"SystemModstamp\": \""
                            + malformed + "\"}]}"))
                    .as(malformed)
                    .isInstanceOfSatisfying(
                            ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                    .hasMessageContaining("malformed Salesforce datetime '" + malformed + "'");
        }
    }
}
