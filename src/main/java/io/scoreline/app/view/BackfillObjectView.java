package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.sync.BackfillPlan;

/** One object of a backfill dry run: {@code backfill --dry-run --json} and the API's plan body. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BackfillObjectView(
        String object,
        long records,
        @JsonProperty("api_calls") long apiCalls,
        String read,
        @JsonProperty("filter_pushed") boolean filterPushed,
        String filter) {

    public static BackfillObjectView of(BackfillPlan.ObjectEstimate estimate) {
        return new BackfillObjectView(
                estimate.objectType(),
                estimate.records(),
                estimate.apiCalls(),
                estimate.readMode(),
                estimate.pushDown().isPresent(),
                estimate.pushDown().orElse(estimate.pushNote()));
    }
}
