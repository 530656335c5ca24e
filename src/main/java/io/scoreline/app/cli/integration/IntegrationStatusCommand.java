package io.scoreline.app.cli.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import picocli.CommandLine.Option;

/** {@code integration pause|resume}: the use case changes the status, then the schedule every serving node shares. */
abstract class IntegrationStatusCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    protected abstract IntegrationStatus target();

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var onboarding = context.getBean(IntegrationOnboarding.class);
        var changed = target() == IntegrationStatus.ACTIVE
                ? onboarding.resume(integrationId)
                : onboarding.pause(integrationId);
        var next = changed.nextSync();
        if (output.json()) {
            output.jsonLine(new StatusJson(
                    integrationId,
                    changed.status().key(),
                    changed.scheduleChanged(),
                    next.map(Object::toString).orElse(null)));
        } else {
            output.line("Integration " + integrationId + " is "
                    + changed.status().key()
                    + (changed.status() == IntegrationStatus.ACTIVE
                            ? next.map(n -> "; next scheduled sync at " + n).orElse("")
                            : "; scheduled syncs are paused (manual `scoreline sync` still works)"));
        }
        return 0;
    }

    record StatusJson(
            long integration,
            String status,
            @JsonProperty("schedule_changed") boolean scheduleChanged,
            @JsonProperty("next_sync") String nextSync) {}
}
