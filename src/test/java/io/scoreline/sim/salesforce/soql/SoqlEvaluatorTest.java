package io.scoreline.sim.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlEvaluatorTest {

    private final SoqlEvaluator evaluator =
            new SoqlEvaluator(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

    private static RecordView row(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(((String) pairs[i]).toLowerCase(), pairs[i + 1]);
        }
        return path -> values.get(path.dotted().toLowerCase());
    }

    private boolean matches(String where, RecordView row) {
        return evaluator.matches(
                SoqlParser.parse("SELECT Id FROM Task WHERE " + where).where().orElseThrow(), row);
    }

    @Test
    void nullFollowsSoqlRules() {
        RecordView empty = row("Disposition", null);

        assertThat(matches("Disposition = null", empty)).isTrue();
        assertThat(matches("Disposition != 'Connected'", empty)).isTrue();
        assertThat(matches("Disposition NOT IN ('Connected')", empty)).isTrue();
        assertThat(matches("Disposition NOT LIKE 'Con%'", empty)).isTrue();
        assertThat(matches("Disposition = 'Connected'", empty)).isFalse();
        assertThat(matches("Disposition < 'Z'", empty)).isFalse();
        assertThat(matches("Disposition LIKE '%'", empty)).isFalse();
        assertThat(matches("NOT Disposition = 'Connected'", empty)).isTrue();
    }

    @Test
    void textIsCaseInsensitiveAndLikeUsesWildcards() {
        RecordView call = row("Disposition", "Left Voicemail");

        assertThat(matches("Disposition = 'left voicemail'", call)).isTrue();
        assertThat(matches("Disposition LIKE 'left%'", call)).isTrue();
        assertThat(matches("Disposition LIKE 'Left_Voicemail'", call)).isTrue();
        assertThat(matches("Disposition IN ('Busy', 'LEFT VOICEMAIL')", call)).isTrue();
        assertThat(matches("Disposition LIKE 'Voice%'", call)).isFalse();
    }

    @Test
    void comparesNumbersDatesAndDatetimes() {
        RecordView task = row(
                "Duration",
                120,
                "ActivityDate",
                LocalDate.of(2026, 3, 9),
                "SystemModstamp",
                Instant.parse("2026-03-09T15:30:00Z"),
                "IsClosed",
                true);

        assertThat(matches("Duration > 60 AND Duration <= 120.0", task)).isTrue();
        assertThat(matches("ActivityDate = YESTERDAY AND ActivityDate < TODAY", task))
                .isTrue();
        assertThat(matches("SystemModstamp >= 2026-03-09T15:30:00Z", task)).isTrue();
        assertThat(matches("SystemModstamp > 2026-03-09T10:30:00-05:00", task)).isFalse();
        assertThat(matches("SystemModstamp = LAST_N_DAYS:2 AND IsClosed = true", task))
                .isTrue();
        assertThat(matches("SystemModstamp = TODAY OR (Duration = 1 AND IsClosed = true)", task))
                .isFalse();
    }

    @Test
    void ordersBySeveralFieldsWithNullPlacement() {
        RecordView a = row("Stage", "B", "Amount", 5);
        RecordView b = row("Stage", "a", "Amount", 7);
        RecordView c = row("Stage", "a", "Amount", null);
        RecordView d = row("Stage", null, "Amount", 1);
        List<RecordView> rows = new ArrayList<>(List.of(a, b, c, d));

        rows.sort(evaluator.ordering(
                SoqlParser.parse("SELECT Id FROM Task ORDER BY Stage ASC NULLS LAST, " + "Amount DESC")
                        .orderBy()));

        assertThat(rows).containsExactly(b, c, a, d);
    }
}
