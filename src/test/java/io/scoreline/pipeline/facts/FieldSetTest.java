package io.scoreline.pipeline.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stored record lacks, as rules name fields: ignoring case, in the rules' own spelling. */
class FieldSetTest {

    @Test
    void missingIgnoresCaseAndKeepsTheWantedSpellingAndOrder() {
        var read = FieldSet.of(List.of("OwnerId", "CreatedDate", "TaskSubtype"));
        assertThat(read.fields()).containsExactly("CreatedDate", "OwnerId", "TaskSubtype");
        assertThat(read.missing(List.of("ownerid", "CallDurationInSeconds", "Status")))
                .containsExactly("CallDurationInSeconds", "Status");
        assertThat(read.covers(List.of("OWNERID", "createddate"))).isTrue();
        assertThat(FieldSet.NONE.covers(List.of())).isTrue();
        assertThat(FieldSet.NONE.covers(List.of("OwnerId"))).isFalse();
    }

    @Test
    void theSameFieldsInAnyOrderAreOneSet() {
        assertThat(FieldSet.of(List.of("b", "a"))).isEqualTo(FieldSet.of(List.of("a", "b")));
    }

    @Test
    void missingFieldsSayWhatEachObjectLacksAndWhatReadingItCosts() {
        var missing = new MissingFields(List.of(
                new FieldGap("Task", List.of("CallDurationInSeconds"), List.of("talk_time_minutes"), 1_234, 7),
                new FieldGap("Event", List.of("Subject", "IsAllDayEvent"), List.of("a", "b"), 1, 1)));
        assertThat(missing.records()).isEqualTo(1_235);
        assertThat(missing.apiCalls()).isEqualTo(8);
        assertThat(missing.lines())
                .containsExactly(
                        "Task: 1234 stored records lack CallDurationInSeconds (KPI talk_time_minutes);"
                                + " re-reading costs about 7 API calls",
                        "Event: 1 stored record lacks Subject, IsAllDayEvent (KPIs a, b);"
                                + " re-reading costs about 1 API call");
        assertThat(MissingFields.NONE.isEmpty()).isTrue();
    }

    @Test
    void aGapWithABulkPriceSaysBothPricesAndTheWayTaken() {
        var bulk = new FieldGap(
                "Task",
                List.of("CallDurationInSeconds"),
                List.of("talk_time_minutes"),
                60_000,
                new RereadCost(300, java.util.OptionalLong.of(7), true));
        var byId = new FieldGap(
                "Event", List.of("Subject"), List.of("a"), 10, new RereadCost(1, java.util.OptionalLong.of(5), false));
        var missing = new MissingFields(List.of(bulk, byId));
        assertThat(missing.apiCalls()).as("the calls of the way taken").isEqualTo(8);
        assertThat(missing.lines())
                .containsExactly(
                        "Task: 60000 stored records lack CallDurationInSeconds (KPI talk_time_minutes);"
                                + " re-reading costs about 7 API calls in bulk (by id: about 300 API calls)",
                        "Event: 10 stored records lack Subject (KPI a);"
                                + " re-reading costs about 1 API call by id (in bulk: about 5 API calls)");
        assertThat(bulk.cost().mode()).isEqualTo("bulk");
        assertThat(byId.cost().mode()).isEqualTo("by id");
        assertThatThrownBy(() -> new RereadCost(1, java.util.OptionalLong.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
