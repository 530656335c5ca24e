package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.salesforce.soql.SoqlEvaluator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streamed query pages are byte for byte what the row maps through Jackson gave. */
class QueryPageWriterTest {

    private static final String VERSION = "56.0";
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");
    private static final Pattern LOCATOR =
            Pattern.compile("\"nextRecordsUrl\":\"/services/data/v56\\.0/query/" + "(01g\\w{12})-(\\d+)\"");

    private final TestClock clock = new TestClock(NOW);
    private SyntheticDataset dataset;
    private SalesforceQueryEngine engine;
    private SalesforceQueryHandler handler;

    @BeforeEach
    void start() {
        ZoneId zone = ZoneId.of("America/New_York");
        dataset = SyntheticDataset.generate(new DatasetSpec(17, 4, 30, LocalDate.of(2026, 3, 1), zone));
        engine = new SalesforceQueryEngine(
                new SalesforceRecords(dataset, "integration@scoreline-sim.example"),
                new SoqlEvaluator(clock, zone),
                new QueryCursors(clock, Duration.ofMinutes(15), 50));
        handler = new SalesforceQueryHandler(engine);
    }

    @Test
    void tasksWithParentsNumbersDatesAndDatetimesAcrossPages() {
        orphanAndRenameFirstCall();

        List<String> pages = assertSameAsMaps(
                "SELECT Id, Subject, OwnerId, Owner.Email, Owner.Name,"
                        + " CallDurationInSeconds, CallType, ActivityDate, CompletedDateTime, CreatedDate, SystemModstamp,"
                        + " IsDeleted, IsClosed, Description, LastModifiedBy.Alias FROM Task ORDER BY SystemModstamp, Id",
                true,
                200);

        assertThat(pages).hasSizeGreaterThan(2);
        assertThat(pages.subList(0, pages.size() - 1)).allMatch(page -> page.contains("\"nextRecordsUrl\":"));
        assertThat(pages.getLast()).doesNotContain("nextRecordsUrl");
        String all = String.join("\n", pages);
        assertThat(all)
                .contains(
                        "\"Owner\":null",
                        "\"Owner\":{\"attributes\":{\"type\":\"User\",",
                        "\"IsDeleted\":true",
                        "\"IsDeleted\":false",
                        "\"CallDurationInSeconds\":null",
                        "\"Description\":null",
                        "+0000\"",
                        "\"ActivityDate\":\"20");
        assertThat(all).containsPattern("\"CallDurationInSeconds\":\\d+,");
    }

    @Test
    void repeatedAndMiscasedFieldsKeepTheirFirstPlace() {
        orphanAndRenameFirstCall();

        assertSameAsMaps(
                "SELECT id, Owner.Email, ID, owner.name, CreatedBy.Email, subject, Owner.EMAIL, OwnerId"
                        + " FROM Task LIMIT 450",
                false,
                200);
    }

    @Test
    void opportunitiesEventsAndUsers() {
        List<String> deals = assertSameAsMaps(
                "SELECT Id, Name, Amount, Probability, CloseDate, IsWon, StageName,"
                        + " Owner.Alias, Owner.IsActive, Owner.CreatedDate FROM Opportunity ORDER BY Amount DESC",
                true,
                2000);
        assertThat(String.join("", deals)).containsPattern("\"Amount\":\\d+(\\.\\d+)?,");

        assertSameAsMaps(
                "SELECT Id, Subject, StartDateTime, EndDateTime, DurationInMinutes, IsAllDayEvent,"
                        + " Outcome__c, Owner.Email FROM Event",
                true,
                500);
        assertSameAsMaps("SELECT Id, Email, Name, IsActive, CreatedDate FROM User ORDER BY Id", false, 2000);
    }

    @Test
    void noMatchingRowsGiveAnEmptyLastPage() {
        List<String> pages =
                assertSameAsMaps("SELECT Id, Owner.Email FROM Task WHERE Subject = 'nothing like it'", false, 2000);

        assertThat(pages).containsExactly("{\"totalSize\":0,\"done\":true,\"records\":[]}");
    }

    @Test
    void countQueries() {
        long tasks =
                dataset.count(ActivityKind.CALL) + dataset.count(ActivityKind.EMAIL) + dataset.count(ActivityKind.TODO);

        Reply.Response all = (Reply.Response) handler.query(request("SELECT COUNT() FROM Task", 2000), VERSION, true);

        assertThat(all.bodyText()).isEqualTo(new String(MapQueryPage.count(tasks), StandardCharsets.UTF_8));
        assertThat(all.headers()).containsEntry("Content-Type", Reply.JSON);
    }

    @Test
    void queryAndQueryMoreAnswerWithTheStreamedPages() {
        String soql = "SELECT Id, Owner.Email, SystemModstamp, IsDeleted FROM Task ORDER BY SystemModstamp, Id";
        Reply.Response first = (Reply.Response) handler.query(request(soql, 300), VERSION, true);
        Matcher locator = LOCATOR.matcher(first.bodyText());
        assertThat(locator.find()).isTrue();
        QueryCursor cursor = engine.cursor(locator.group(1)).orElseThrow();

        Reply.Response second = (Reply.Response) handler.more(locator.group(1) + "-" + locator.group(2), VERSION);

        assertThat(first.headers()).isEqualTo(Map.of("Content-Type", Reply.JSON));
        assertThat(first.bodyText()).isEqualTo(text(MapQueryPage.page(engine, cursor, 0, VERSION)));
        assertThat(second.bodyText())
                .isEqualTo(text(MapQueryPage.page(engine, cursor, Integer.parseInt(locator.group(2)), VERSION)));
    }

    /** Every page of the query, streamed and through maps; returns the streamed pages. */
    private List<String> assertSameAsMaps(String soql, boolean includeDeleted, int batchSize) {
        QueryCursor cursor =
                ((SalesforceQueryEngine.Outcome.Rows) engine.run(soql, includeDeleted, batchSize)).cursor();
        List<String> pages = new ArrayList<>();
        int offset = 0;
        do {
            byte[] streamed = handler.page(cursor, offset, VERSION).body();
            byte[] mapped = MapQueryPage.page(engine, cursor, offset, VERSION);
            int at = Arrays.mismatch(streamed, mapped);
            assertThat(at)
                    .as(
                            "%s from %d: first difference at byte %d, streamed %s, mapped %s",
                            soql, offset, at, around(streamed, at), around(mapped, at))
                    .isEqualTo(-1);
            pages.add(text(streamed));
            offset += batchSize;
        } while (offset < cursor.size());
        return pages;
    }

    /** A call whose owner no longer exists (its parents render as null) and whose subject needs escaping. */
    private void orphanAndRenameFirstCall() {
        Activity.Call call = (Activity.Call) dataset.get(ActivityKind.CALL, 0);
        dataset.update(new Activity.Call(
                call.meta().reassigned(999, NOW.minusSeconds(3600)),
                "R\u00e9: \"quoted\" \\ tab\t ctl\u0001 \u2713 \ud83d\ude00 </script>",
                call.outbound(),
                call.durationSeconds(),
                call.outcome()));
    }

    private static SimRequest request(String soql, int batchSize) {
        return new SimRequest(
                "GET",
                "/services/data/v56.0/query/",
                "q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8),
                Map.of("Sforce-Query-Options", "batchSize=" + batchSize),
                new byte[0]);
    }

    private static String around(byte[] body, int at) {
        int from = Math.clamp(at - 80, 0, body.length);
        return "..." + new String(body, from, Math.clamp(at + 80, from, body.length) - from, StandardCharsets.UTF_8)
                + "...";
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
