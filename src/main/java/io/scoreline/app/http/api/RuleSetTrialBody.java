package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.mappings.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts a document derives from the records given, in their order: each a line of
 * {@code mapping test --json}; the warnings it prints on stderr per record; the document's warnings.
 */
@Serdeable
public record RuleSetTrialBody(List<FactBody> facts, List<WarningBody> warnings, List<RuleProblemBody> problems) {

    /** The fields of a {@code mapping test --json} line. */
    @Serdeable
    public record FactBody(
            String kpi,
            String object,
            @JsonProperty("record_id") String recordId,
            @Nullable String owner,
            LocalDate date,
            BigDecimal value) {

        static FactBody of(Fact fact) {
            return new FactBody(
                    fact.kpi(), fact.objectType(), fact.recordId(), fact.owner(), fact.date(), fact.value());
        }
    }

    /** Why a record that matched a rule produced no fact (a null value, division by zero, no date). */
    @Serdeable
    public record WarningBody(@JsonProperty("record_id") String recordId, String kpi, String message) {}
}
