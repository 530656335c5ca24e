package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.DatasetSpec;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.salesforce.soql.RecordView;
import io.scoreline.sim.salesforce.soql.SoqlEvaluator;
import io.scoreline.sim.salesforce.soql.SoqlParser;
import io.scoreline.sim.salesforce.soql.SoqlQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query selects from candidates that build their row only when it reads a field other than Id,
 * IsDeleted and SystemModstamp; it must select exactly what the same query selects over built rows.
 */
class QuerySelectionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final SyntheticDataset dataset =
            SyntheticDataset.generate(new DatasetSpec(11, 4, 30, LocalDate.of(2026, 3, 1), ZONE));
    private final SoqlEvaluator evaluator = new SoqlEvaluator(new TestClock(NOW), ZONE);
    private final SalesforceQueryEngine engine = new SalesforceQueryEngine(
            new SalesforceRecords(dataset, "integration@scoreline-sim.example"),
            evaluator,
            new QueryCursors(new TestClock(NOW), Duration.ofMinutes(15), 50));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT Id FROM Task WHERE SystemModstamp >= 2026-02-10T00:00:00Z AND SystemModstamp < 2026-02-20T00:00:00Z"
                        + " ORDER BY SystemModstamp, Id",
                "SELECT Id FROM Task WHERE IsDeleted = true ORDER BY Id DESC",
                "SELECT Id FROM Task WHERE Owner.Email LIKE '%a%' AND CallDurationInSeconds > 30 ORDER BY CreatedDate DESC, Id LIMIT 300",
                "SELECT Id FROM Event WHERE SystemModstamp > 2026-02-01T00:00:00Z ORDER BY SystemModstamp, Id OFFSET 7",
                "SELECT Id FROM Opportunity WHERE StageName = 'Closed Won' OR Amount > 50000 ORDER BY Amount DESC, Id",
                "SELECT Id FROM User WHERE IsActive = true ORDER BY SystemModstamp, Id",
                "SELECT Id FROM Task"
            })
    void selectsWhatTheSameQueryOverBuiltRowsSelects(String soql) {
        SoqlQuery query = SoqlParser.parse(soql);
        for (boolean includeDeleted : new boolean[] {false, true}) {
            assertThat(engine.select(query, includeDeleted).idNumbers())
                    .as("%s, deleted included: %s", soql, includeDeleted)
                    .containsExactly(overBuiltRows(query, includeDeleted));
        }
        assertThat(overBuiltRows(query, true))
                .as("the query selects something here")
                .isNotEmpty();
    }

    @Test
    void aRecordChangedAfterGenerationIsSelectedByItsNewModstamp() {
        Activity.Call call = (Activity.Call) dataset.get(ActivityKind.CALL, 3);
        Instant changed = NOW.minusSeconds(60);
        dataset.update(new Activity.Call(
                call.meta().modified(changed),
                call.subject(),
                call.outbound(),
                call.durationSeconds(),
                call.outcome()));

        SoqlQuery query = SoqlParser.parse(
                "SELECT Id FROM Task WHERE SystemModstamp >= " + changed + " ORDER BY SystemModstamp, Id");
        assertThat(engine.select(query, false).idNumbers())
                .containsExactly(SalesforceRowMapper.idNumber(ActivityKind.CALL, 3));
    }

    /** The reference: every row built, then filtered and sorted through its full view. */
    private long[] overBuiltRows(SoqlQuery query, boolean includeDeleted) {
        SalesforceObject type = SoqlValidator.validate(query, engine.records().schemaDrift());
        Stream<SalesforceRow> rows = engine.records()
                .rows(type)
                .filter(row -> includeDeleted || !row.deleted())
                .filter(row -> query.where()
                        .map(condition -> evaluator.matches(condition, engine.view(row)))
                        .orElse(true));
        if (!query.orderBy().isEmpty()) {
            Comparator<RecordView> ordering = evaluator.ordering(query.orderBy());
            rows = rows.sorted((a, b) -> ordering.compare(engine.view(a), engine.view(b)));
        }
        if (query.offset().isPresent()) {
            rows = rows.skip(query.offset().getAsInt());
        }
        if (query.limit().isPresent()) {
            rows = rows.limit(query.limit().getAsInt());
        }
        return rows.mapToLong(
                        row -> SalesforceIds.number(row.id(), type.keyPrefix()).orElseThrow())
                .toArray();
    }
}
