package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.app.view.BackfillObjectView;
import io.scoreline.app.view.RemapGapView;
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
            List<BackfillObjectView> objects) {

        static BackfillPlanBody of(BackfillPlan plan) {
            return new BackfillPlanBody(
                    true,
                    plan.from().toString(),
                    plan.until().toString(),
                    plan.records(),
                    plan.apiCalls(),
                    plan.objects().stream().map(BackfillObjectView::of).toList());
        }
    }

    /** {@code remap --dry-run}: per object, the stored records to read again and what that costs. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RemapPlanBody(
            @JsonProperty("dry_run") boolean dryRun,
            long records,
            @JsonProperty("api_calls") long apiCalls,
            List<RemapGapView> objects) {

        static RemapPlanBody of(RemapPlan plan) {
            var missing = plan.missing();
            return new RemapPlanBody(
                    true,
                    missing.records(),
                    missing.apiCalls(),
                    missing.gaps().stream().map(RemapGapView::of).toList());
        }
    }
}
