package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.sync.BackfillPlan;
import io.scoreline.pipeline.sync.RemapPlan;
import java.util.List;

/** The dry runs of backfill and remap as the API shows them: the CLI's {@code --dry-run --json} lines, with totals. */
final class RunPlanBodies {

    private RunPlanBodies() {}

    /** {@code backfill --dry-run}: the window read and, per object, what {@code backfill --dry-run --json} prints. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BackfillPlanBody(
            @JsonProperty("dry_run") boolean dryRun,
            String from,
            String until,
            long records,
            @JsonProperty("api_calls") long apiCalls,
            List<ObjectLine> objects) {

        static BackfillPlanBody of(BackfillPlan plan) {
            return new BackfillPlanBody(
                    true,
                    plan.from().toString(),
                    plan.until().toString(),
                    plan.records(),
                    plan.apiCalls(),
                    plan.objects().stream()
                            .map(o -> new ObjectLine(
                                    o.objectType(),
                                    o.records(),
                                    o.apiCalls(),
                                    o.readMode(),
                                    o.pushDown().isPresent(),
                                    o.pushDown().orElse(o.pushNote())))
                            .toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ObjectLine(
            String object,
            long records,
            @JsonProperty("api_calls") long apiCalls,
            String read,
            @JsonProperty("filter_pushed") boolean filterPushed,
            String filter) {}

    /** {@code remap --dry-run}: per object, the stored records to read again and what that costs. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RemapPlanBody(
            @JsonProperty("dry_run") boolean dryRun,
            long records,
            @JsonProperty("api_calls") long apiCalls,
            List<GapLine> objects) {

        static RemapPlanBody of(RemapPlan plan) {
            var missing = plan.missing();
            return new RemapPlanBody(
                    true,
                    missing.records(),
                    missing.apiCalls(),
                    missing.gaps().stream()
                            .map(g -> new GapLine(
                                    g.objectType(),
                                    g.records(),
                                    g.fields(),
                                    g.kpis(),
                                    g.apiCalls(),
                                    g.cost().mode(),
                                    g.cost().byIdCalls(),
                                    g.cost().bulkCalls().isPresent()
                                            ? g.cost().bulkCalls().getAsLong()
                                            : null))
                            .toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GapLine(
            String object,
            long records,
            @JsonProperty("missing_fields") List<String> missingFields,
            List<String> kpis,
            @JsonProperty("api_calls") long apiCalls,
            @JsonProperty("read_mode") String readMode,
            @JsonProperty("calls_by_id") long callsById,

            @JsonProperty("calls_in_bulk") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Long callsInBulk) {}
}
