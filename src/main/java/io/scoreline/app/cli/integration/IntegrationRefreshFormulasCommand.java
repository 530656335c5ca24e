package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.sync.FormulaRefreshPlan;
import io.scoreline.pipeline.sync.OnDemandRuns;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration refresh-formulas --integration ID [--dry-run]}: what the nightly
 * formula-field refresh does, now; {@code --dry-run} shows its cost and writes nothing.
 */
@Command(
        name = "refresh-formulas",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration refresh-formulas --integration 1 --dry-run",
            "  scoreline integration refresh-formulas --integration 1 --json"
        },
        description = "Re-read recent records of objects whose rules read formula fields (the nightly refresh, now).")
final class IntegrationRefreshFormulasCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(
            names = "--dry-run",
            description = "Show the objects, records and API calls a refresh would read; write nothing")
    boolean dryRun;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var runs = context.getBean(OnDemandRuns.class);
        if (dryRun) {
            print(output, runs.planFormulaRefresh(integrationId));
            return 0;
        }
        var outcome = runs.refreshFormulas(integrationId);
        if (outcome.isEmpty()) {
            if (output.json()) {
                output.jsonLine(new RefreshJson(null, "nothing_to_refresh", 0, 0, 0, null));
            } else {
                output.line(
                        "Integration " + integrationId + ": no active rule reads a formula field; nothing to re-read");
            }
            return 0;
        }
        var run = outcome.get();
        if (output.json()) {
            output.jsonLine(new RefreshJson(
                    run.runId(),
                    run.status().key(),
                    run.recordsRead(),
                    run.factsChanged(),
                    run.apiCalls(),
                    run.message().orElse(null)));
        } else {
            output.line("Formula refresh run " + run.runId() + " "
                    + run.status().key() + ": " + run.recordsRead()
                    + " records read, " + run.factsChanged() + " facts changed, " + run.apiCalls() + " API calls"
                    + run.message().map(m -> "\n  " + m).orElse(""));
        }
        return run.status() == SyncStatus.FAILED ? CliErrorHandler.FAILURE : 0;
    }

    private void print(CliOutput output, FormulaRefreshPlan plan) {
        if (output.json()) {
            plan.objects()
                    .forEach(o -> output.jsonLine(new PlanJson(
                            o.objectType(),
                            o.formulaFields(),
                            o.records(),
                            o.apiCalls(),
                            plan.from().toString(),
                            plan.until().toString(),
                            plan.catalogCalls())));
            return;
        }
        output.line("Dry run: records last modified " + plan.from() + " .. " + plan.until() + " (nothing written)");
        if (plan.objects().isEmpty()) {
            output.line(
                    "No active rule of integration " + integrationId + " reads a formula field: nothing to re-read ("
                            + plan.catalogCalls() + " API calls to read the catalog)");
            return;
        }
        output.table(
                List.of("OBJECT", "FORMULA FIELDS", "RECORDS", "API CALLS"),
                plan.objects().stream()
                        .map(o -> List.of(
                                o.objectType(),
                                String.join(", ", o.formulaFields()),
                                Long.toString(o.records()),
                                Long.toString(o.apiCalls())))
                        .toList());
        output.line("Total: " + plan.records() + " records, about " + plan.apiCalls()
                + " API calls per refresh (the catalog's " + plan.catalogCalls() + " included)");
    }

    record PlanJson(
            String object,
            @JsonProperty("formula_fields") List<String> formulaFields,
            long records,
            @JsonProperty("api_calls") long apiCalls,
            String from,
            String until,
            @JsonProperty("catalog_calls") long catalogCalls) {}

    record RefreshJson(
            Long run,
            String status,
            @JsonProperty("records_read") long recordsRead,
            @JsonProperty("facts_changed") long factsChanged,
            @JsonProperty("api_calls") long apiCalls,
            String message) {}
}
