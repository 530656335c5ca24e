package io.scoreline.app.cli.integration;

import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.micronaut.context.ApplicationContext;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import java.util.LinkedHashMap;
import picocli.CommandLine.Option;

/**
 * {@code integration pause|resume}: the status changes first, then the schedule, which every
 * serving node shares through the clustered job store.
 */
abstract class IntegrationStatusCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    protected abstract IntegrationStatus target();

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var store = context.getBean(IntegrationStore.class);
        var integration = store.require(integrationId);
        store.setStatus(integration.organizationId(), integrationId, target());
        var scheduler = context.getBean(IntegrationScheduler.class);
        var change = target() == IntegrationStatus.ACTIVE ? scheduler.resume(integrationId) : scheduler.pause(integrationId);
        var next = scheduler.schedule(integrationId).flatMap(s -> s.nextFire());
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("integration", integrationId);
            line.put("status", target().key());
            line.put("schedule_changed", change.isPresent());
            line.put("next_sync", target() == IntegrationStatus.ACTIVE ? next.map(Object::toString).orElse(null) : null);
            output.jsonLine(line);
        } else {
            output.line("Integration " + integrationId + " is " + target().key()
                    + (target() == IntegrationStatus.ACTIVE ? next.map(n -> "; next scheduled sync at " + n).orElse("")
                            : "; scheduled syncs are paused (manual `scoreline sync` still works)"));
        }
        return 0;
    }
}
