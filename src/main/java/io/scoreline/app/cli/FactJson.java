package io.scoreline.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes a fact as the one-line JSON object {@code mapping test} prints (DESIGN §10):
 * {@code {"kpi","object","record_id","owner","date","value"}}, in that order. Lives with the
 * command rather than in the rule language, which depends on no JSON library.
 */
public final class FactJson {

    /** Values as the rule language computes them: {@code 1000}, never {@code 1E+3}. */
    private static final ObjectWriter WRITER =
            CliOutput.JSON.writerFor(Line.class).with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private FactJson() {}

    public static String line(Fact fact) {
        try {
            return WRITER.writeValueAsString(
                    new Line(fact.kpi(), fact.objectType(), fact.recordId(), fact.owner(), fact.date(), fact.value()));
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write a fact as JSON: " + e.getMessage(), e);
        }
    }

    @JsonPropertyOrder({"kpi", "object", "record_id", "owner", "date", "value"})
    record Line(
            String kpi,
            String object,
            @JsonProperty("record_id") String recordId,
            String owner,
            LocalDate date,
            BigDecimal value) {}
}
