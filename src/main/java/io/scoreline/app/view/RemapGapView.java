package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.facts.FieldGap;
import java.util.List;

/**
 * One object of a remap dry run, the stored records to read again and what that costs: {@code
 * remap --dry-run --json} and the API's plan body. {@code calls_in_bulk} only where bulk reads exist.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RemapGapView(
        String object,
        long records,
        @JsonProperty("missing_fields") List<String> missingFields,
        List<String> kpis,
        @JsonProperty("api_calls") long apiCalls,
        @JsonProperty("read_mode") String readMode,
        @JsonProperty("calls_by_id") long callsById,

        @JsonProperty("calls_in_bulk") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Long callsInBulk) {

    public static RemapGapView of(FieldGap gap) {
        return new RemapGapView(
                gap.objectType(),
                gap.records(),
                gap.fields(),
                gap.kpis(),
                gap.apiCalls(),
                gap.cost().mode(),
                gap.cost().byIdCalls(),
                gap.cost().bulkCalls().isPresent() ? gap.cost().bulkCalls().getAsLong() : null);
    }
}
